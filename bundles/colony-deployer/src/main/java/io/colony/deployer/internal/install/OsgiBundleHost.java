package io.colony.deployer.internal.install;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;
import org.osgi.service.log.Logger;

/** The node's framework. Bundles are started transiently: after a restart, nothing of a deployment starts on its own. */
public final class OsgiBundleHost implements BundleHost {

    private final BundleContext context;
    private final Logger log;

    public OsgiBundleHost(BundleContext context, Logger log) {
        this.context = context;
        this.log = log;
    }

    @Override
    public Optional<HostedBundle> find(String symbolicName, String version) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName()) && version.equals(bundle.getVersion().toString())
                    && bundle.getState() != Bundle.UNINSTALLED) {
                return Optional.of(hosted(bundle));
            }
        }
        return Optional.empty();
    }

    @Override
    public HostedBundle install(String location, Path jar) throws BundleException {
        try (InputStream in = Files.newInputStream(jar)) {
            return hosted(context.installBundle(location, in));
        } catch (IOException e) {
            throw new BundleException("cannot read " + jar + ": " + e.getMessage(), BundleException.READ_ERROR, e);
        }
    }

    @Override
    public Map<Long, String> resolve(Collection<HostedBundle> bundles) {
        List<Bundle> framework = bundles(bundles);
        FrameworkWiring wiring = wiring();
        wiring.resolveBundles(framework);
        Map<Long, String> unresolved = new LinkedHashMap<>();
        for (Bundle bundle : framework) {
            if (bundle.getState() == Bundle.INSTALLED) {
                unresolved.put(bundle.getBundleId(), whyUnresolved(bundle, wiring));
            }
        }
        return unresolved;
    }

    @Override
    public void start(HostedBundle bundle) throws BundleException {
        Bundle framework = context.getBundle(bundle.id());
        if (framework == null) {
            throw new BundleException(bundle.symbolicName() + " " + bundle.version() + " was uninstalled meanwhile");
        }
        framework.start(Bundle.START_TRANSIENT);
    }

    @Override
    public void uninstall(Collection<HostedBundle> bundles) {
        List<Bundle> gone = new ArrayList<>();
        for (Bundle bundle : bundles(bundles)) {
            try {
                bundle.uninstall();
                gone.add(bundle);
                log.info("Uninstalled {} {} ({})", bundle.getSymbolicName(), bundle.getVersion(), bundle.getLocation());
            } catch (BundleException | IllegalStateException e) {
                log.warn("Could not uninstall {} {}: {}", bundle.getSymbolicName(), bundle.getVersion(), e.getMessage());
            }
        }
        if (!gone.isEmpty()) {
            wiring().refreshBundles(gone);
        }
    }

    @Override
    public List<HostedBundle> installedFrom(String locationPrefix) {
        List<HostedBundle> found = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getLocation().startsWith(locationPrefix)) {
                found.add(hosted(bundle));
            }
        }
        return found;
    }

    /**
     * The mandatory requirements no bundle provides; when each has a provider (which does not resolve
     * itself, or conflicts), the framework's own explanation.
     */
    private String whyUnresolved(Bundle bundle, FrameworkWiring wiring) {
        List<String> missing = new ArrayList<>();
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision != null) {
            for (Requirement requirement : revision.getRequirements(null)) {
                Map<String, String> directives = requirement.getDirectives();
                boolean optional = Namespace.RESOLUTION_OPTIONAL.equals(directives.get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE));
                String effective = directives.getOrDefault(Namespace.REQUIREMENT_EFFECTIVE_DIRECTIVE, Namespace.EFFECTIVE_RESOLVE);
                if (!optional && Namespace.EFFECTIVE_RESOLVE.equals(effective) && wiring.findProviders(requirement).isEmpty()) {
                    missing.add(RequirementText.missing(requirement.getNamespace(), directives.get(Namespace.REQUIREMENT_FILTER_DIRECTIVE)));
                }
            }
        }
        if (!missing.isEmpty()) {
            return String.join(", ", missing);
        }
        if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
            try {
                bundle.start(Bundle.START_TRANSIENT);
                bundle.stop(Bundle.STOP_TRANSIENT);
            } catch (BundleException e) {
                return e.getMessage();
            }
        }
        return "the framework did not resolve it";
    }

    private FrameworkWiring wiring() {
        return context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
    }

    private List<Bundle> bundles(Collection<HostedBundle> hosted) {
        List<Bundle> bundles = new ArrayList<>();
        for (HostedBundle bundle : hosted) {
            Bundle framework = context.getBundle(bundle.id());
            if (framework != null && framework.getState() != Bundle.UNINSTALLED) {
                bundles.add(framework);
            }
        }
        return bundles;
    }

    private static HostedBundle hosted(Bundle bundle) {
        return new HostedBundle(bundle.getBundleId(), bundle.getSymbolicName(), bundle.getVersion().toString(), bundle.getLocation(),
                bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null);
    }
}
