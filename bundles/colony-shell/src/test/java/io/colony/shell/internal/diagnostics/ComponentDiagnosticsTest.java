package io.colony.shell.internal.diagnostics;

import static io.colony.shell.internal.diagnostics.FakeComponentRuntime.configuration;
import static io.colony.shell.internal.diagnostics.FakeComponentRuntime.description;
import static io.colony.shell.internal.diagnostics.FakeComponentRuntime.failed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

class ComponentDiagnosticsTest {

    private static final String CATALOG = "io.colony.api.worker.PluginCatalog";

    private static ComponentDiagnostics of(FakeComponentRuntime runtime) {
        return new ComponentDiagnostics(() -> runtime);
    }

    @Test
    void aFailedComponentIsReportedWithItsExceptionsMessage() {
        FakeComponentRuntime runtime = new FakeComponentRuntime()
                .with(description("io.colony.node", "io.colony.api.node.NodeInfo"), failed(FakeComponentRuntime.NODE_FAILURE));
        assertEquals("component io.colony.node failed: io.colony.node: http.port = 'eighty': not a port number (1..65535)",
                of(runtime).whyInactive("io.colony.node"));
    }

    @Test
    void aFailureWithoutTextIsStillReported() {
        FakeComponentRuntime runtime = new FakeComponentRuntime().with(description("io.colony.node"), failed(null));
        assertEquals("component io.colony.node failed to activate (no reason recorded; see the node's log)",
                of(runtime).whyInactive("io.colony.node"));
    }

    @Test
    void aComponentWaitingForAServiceNamesItAndItsTarget() {
        ComponentDescriptionDTO worker = description("io.colony.worker", CATALOG);
        ReferenceDTO reference = new ReferenceDTO();
        reference.name = "node";
        reference.interfaceName = "io.colony.api.node.NodeInfo";
        reference.target = "(colony.node.roles=worker)";
        worker.references = new ReferenceDTO[] {reference};
        ComponentConfigurationDTO waiting = configuration(ComponentConfigurationDTO.UNSATISFIED_REFERENCE);
        UnsatisfiedReferenceDTO unsatisfied = new UnsatisfiedReferenceDTO();
        unsatisfied.name = "node";
        unsatisfied.target = "(colony.node.roles=worker)";
        waiting.unsatisfiedReferences = new UnsatisfiedReferenceDTO[] {unsatisfied};
        FakeComponentRuntime runtime = new FakeComponentRuntime().with(worker, waiting);
        assertEquals("no PluginCatalog service: component io.colony.worker waits for a NodeInfo service matching "
                + "(colony.node.roles=worker)", of(runtime).whyMissing(CATALOG));
    }

    @Test
    void aComponentWaitingForItsConfigurationNamesThePid() {
        ComponentDescriptionDTO required = description("io.colony.tracker");
        required.configurationPolicy = "require";
        assertEquals("component io.colony.tracker waits for its configuration io.colony.tracker",
                of(new FakeComponentRuntime().with(required)).whyInactive("io.colony.tracker"));
        assertEquals("component io.colony.tracker waits for its configuration io.colony.tracker",
                of(new FakeComponentRuntime().with(description("io.colony.tracker"),
                        configuration(ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION))).whyInactive("io.colony.tracker"));
    }

    @Test
    void aDisabledOrMissingComponentIsReported() {
        FakeComponentRuntime runtime = new FakeComponentRuntime().withDisabled(description("io.colony.worker", CATALOG));
        assertEquals("no PluginCatalog service: component io.colony.worker is disabled", of(runtime).whyMissing(CATALOG));
        assertEquals("no installed bundle has a component named io.colony.node", of(runtime).whyInactive("io.colony.node"));
        assertEquals("no installed bundle provides PluginCatalog", of(new FakeComponentRuntime()).whyMissing(CATALOG));
    }

    @Test
    void withoutAComponentRuntimeItSaysItCannotTell() {
        ComponentDiagnostics diagnostics = new ComponentDiagnostics(() -> null);
        assertEquals("component io.colony.node is not active (the component runtime is not available to say why)",
                diagnostics.whyInactive("io.colony.node"));
        assertEquals("no PluginCatalog service (the component runtime is not available to say why)",
                diagnostics.whyMissing(CATALOG));
    }

    @Test
    void aServiceNoComponentDeclaresIsExplainedInTheCallersWords() {
        FakeComponentRuntime runtime = new FakeComponentRuntime().with(description("io.colony.node", "io.colony.api.node.NodeInfo"));
        assertEquals("the cluster bundle is not active",
                of(runtime).whyMissing("io.colony.api.cluster.ClusterMembership", "the cluster bundle is not active"));
        assertEquals("no installed bundle provides ClusterMembership", of(runtime).whyMissing("io.colony.api.cluster.ClusterMembership"));
    }
}
