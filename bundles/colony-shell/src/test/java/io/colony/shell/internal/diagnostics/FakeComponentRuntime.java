package io.colony.shell.internal.diagnostics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.osgi.util.promise.Promise;

/** A component runtime that reports prepared DTOs, as Felix SCR would. */
public final class FakeComponentRuntime implements ServiceComponentRuntime {

    /** What Felix SCR records when a DS constructor throws: the printed stack trace of the InvocationTargetException. */
    public static final String NODE_FAILURE = """
            java.lang.reflect.InvocationTargetException
            \tat java.base/jdk.internal.reflect.DirectConstructorHandleAccessor.newInstance(DirectConstructorHandleAccessor.java:74)
            \tat java.base/java.lang.reflect.Constructor.newInstanceWithCaller(Constructor.java:502)
            \tat org.apache.felix.scr.impl.inject.internal.ComponentConstructorImpl.newInstance(ComponentConstructorImpl.java:326)
            Caused by: io.colony.node.internal.InvalidConfigurationException: io.colony.node: http.port = 'eighty': not a port number (1..65535)
            \tat io.colony.node.internal.NodeSettings.invalid(NodeSettings.java:150)
            \tat io.colony.node.internal.NodeSettings.port(NodeSettings.java:110)
            \t... 32 more
            """;

    private final Map<ComponentDescriptionDTO, List<ComponentConfigurationDTO>> components = new LinkedHashMap<>();
    private final List<ComponentDescriptionDTO> disabled = new ArrayList<>();

    public static ComponentDescriptionDTO description(String name, String... services) {
        ComponentDescriptionDTO description = new ComponentDescriptionDTO();
        description.name = name;
        description.serviceInterfaces = services;
        description.configurationPid = new String[] {name};
        description.configurationPolicy = "optional";
        description.references = new ReferenceDTO[0];
        return description;
    }

    public static ComponentConfigurationDTO configuration(int state) {
        ComponentConfigurationDTO configuration = new ComponentConfigurationDTO();
        configuration.state = state;
        configuration.unsatisfiedReferences = new UnsatisfiedReferenceDTO[0];
        return configuration;
    }

    public static ComponentConfigurationDTO failed(String failure) {
        ComponentConfigurationDTO configuration = configuration(ComponentConfigurationDTO.FAILED_ACTIVATION);
        configuration.failure = failure;
        return configuration;
    }

    public FakeComponentRuntime with(ComponentDescriptionDTO description, ComponentConfigurationDTO... configurations) {
        components.put(description, List.of(configurations));
        return this;
    }

    public FakeComponentRuntime withDisabled(ComponentDescriptionDTO description) {
        disabled.add(description);
        components.put(description, List.of());
        return this;
    }

    @Override
    public Collection<ComponentDescriptionDTO> getComponentDescriptionDTOs(Bundle... bundles) {
        return new ArrayList<>(components.keySet());
    }

    @Override
    public ComponentDescriptionDTO getComponentDescriptionDTO(Bundle bundle, String name) {
        return components.keySet().stream().filter(description -> description.name.equals(name)).findFirst().orElse(null);
    }

    @Override
    public Collection<ComponentConfigurationDTO> getComponentConfigurationDTOs(ComponentDescriptionDTO description) {
        return components.getOrDefault(description, List.of());
    }

    @Override
    public boolean isComponentEnabled(ComponentDescriptionDTO description) {
        return !disabled.contains(description);
    }

    @Override
    public Promise<Void> enableComponent(ComponentDescriptionDTO description) {
        throw new UnsupportedOperationException("the diagnostics only read");
    }

    @Override
    public Promise<Void> disableComponent(ComponentDescriptionDTO description) {
        throw new UnsupportedOperationException("the diagnostics only read");
    }
}
