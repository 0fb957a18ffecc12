package io.colony.shell.internal.diagnostics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * Explains, from the component runtime's DTOs, why a component is not active or why no component
 * provides a service: it failed (with the exception's message), waits for a configuration or a
 * service, or is disabled or not installed.
 */
public final class ComponentDiagnostics {

    private final Supplier<ServiceComponentRuntime> runtime;

    /** @param runtime the component runtime, or null when there is none */
    public ComponentDiagnostics(Supplier<ServiceComponentRuntime> runtime) {
        this.runtime = runtime;
    }

    /** Why the named component is not active, e.g. {@code component io.colony.node failed: ...}. */
    public String whyInactive(String componentName) {
        ServiceComponentRuntime scr = runtime.get();
        if (scr == null) {
            return "component " + componentName + " is not active (the component runtime is not available to say why)";
        }
        return descriptions(scr).stream()
                .filter(description -> componentName.equals(description.name))
                .findFirst()
                .map(description -> explain(scr, description))
                .orElse("no installed bundle has a component named " + componentName);
    }

    /** Why no service of the given interface is registered, from the components that would provide one. */
    public String whyMissing(String serviceInterface) {
        return whyMissing(serviceInterface, "no installed bundle provides " + simpleName(serviceInterface));
    }

    /**
     * As {@link #whyMissing(String)}, saying {@code whenNoComponent} when no installed component
     * declares the service, e.g. which bundle should be there.
     */
    public String whyMissing(String serviceInterface, String whenNoComponent) {
        ServiceComponentRuntime scr = runtime.get();
        String simpleName = simpleName(serviceInterface);
        if (scr == null) {
            return "no " + simpleName + " service (the component runtime is not available to say why)";
        }
        List<String> reasons = new ArrayList<>();
        for (ComponentDescriptionDTO description : descriptions(scr)) {
            if (description.serviceInterfaces != null && Arrays.asList(description.serviceInterfaces).contains(serviceInterface)) {
                reasons.add(explain(scr, description));
            }
        }
        if (reasons.isEmpty()) {
            return whenNoComponent;
        }
        return "no " + simpleName + " service: " + String.join("; ", reasons);
    }

    /** Whether an installed component declares the service, whatever its state. */
    public boolean declares(String serviceInterface) {
        ServiceComponentRuntime scr = runtime.get();
        return scr != null && descriptions(scr).stream().anyMatch(description -> description.serviceInterfaces != null
                && Arrays.asList(description.serviceInterfaces).contains(serviceInterface));
    }

    private static String simpleName(String serviceInterface) {
        return serviceInterface.substring(serviceInterface.lastIndexOf('.') + 1);
    }

    private static Collection<ComponentDescriptionDTO> descriptions(ServiceComponentRuntime scr) {
        try {
            return scr.getComponentDescriptionDTOs();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    static String explain(ServiceComponentRuntime scr, ComponentDescriptionDTO description) {
        String component = "component " + description.name;
        Collection<ComponentConfigurationDTO> configurations;
        try {
            if (!scr.isComponentEnabled(description)) {
                return component + " is disabled";
            }
            configurations = scr.getComponentConfigurationDTOs(description);
        } catch (RuntimeException e) {
            return component + " is gone (its bundle stopped)";
        }
        if (configurations == null || configurations.isEmpty()) {
            return "require".equals(description.configurationPolicy)
                    ? component + " waits for its configuration " + String.join(", ", pids(description))
                    : component + " has not been started yet";
        }
        return explain(component, description, configurations.iterator().next());
    }

    static String explain(String component, ComponentDescriptionDTO description, ComponentConfigurationDTO configuration) {
        switch (configuration.state) {
            case ComponentConfigurationDTO.FAILED_ACTIVATION:
                String failure = FailureText.summary(failureOf(configuration));
                return failure.isEmpty()
                        ? component + " failed to activate (no reason recorded; see the node's log)"
                        : component + " failed: " + failure;
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION:
                return component + " waits for its configuration " + String.join(", ", pids(description));
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE:
                return component + " waits for " + unsatisfied(description, configuration);
            case ComponentConfigurationDTO.SATISFIED:
            case ComponentConfigurationDTO.ACTIVE:
                return component + " is " + (configuration.state == ComponentConfigurationDTO.ACTIVE ? "active" : "satisfied");
            default:
                return component + " is in state " + configuration.state;
        }
    }

    /** The failure text DS 1.4 added; null when the runtime recorded none or predates the field. */
    static String failureOf(ComponentConfigurationDTO configuration) {
        try {
            return configuration.failure;
        } catch (LinkageError e) {
            return null;
        }
    }

    private static String unsatisfied(ComponentDescriptionDTO description, ComponentConfigurationDTO configuration) {
        UnsatisfiedReferenceDTO[] references = configuration.unsatisfiedReferences;
        if (references == null || references.length == 0) {
            return "a service";
        }
        List<String> needs = new ArrayList<>();
        for (UnsatisfiedReferenceDTO reference : references) {
            needs.add(describe(reference, referenceNamed(description, reference.name)));
        }
        return String.join(", ", needs);
    }

    private static String describe(UnsatisfiedReferenceDTO unsatisfied, Optional<ReferenceDTO> reference) {
        String service = reference.map(r -> r.interfaceName).map(name -> name.substring(name.lastIndexOf('.') + 1))
                .orElse(unsatisfied.name);
        String target = unsatisfied.target != null ? unsatisfied.target : reference.map(r -> r.target).orElse(null);
        return "a " + service + " service" + (target == null || target.isBlank() ? "" : " matching " + target);
    }

    private static Optional<ReferenceDTO> referenceNamed(ComponentDescriptionDTO description, String name) {
        return description.references == null ? Optional.empty()
                : Arrays.stream(description.references).filter(reference -> reference.name.equals(name)).findFirst();
    }

    private static List<String> pids(ComponentDescriptionDTO description) {
        return description.configurationPid == null || description.configurationPid.length == 0
                ? List.of(description.name) : Arrays.asList(description.configurationPid);
    }
}
