package io.colony.api.plugin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Declares a DS component's plugin name and version as service properties
 * ({@value Plugin#NAME}, {@value Plugin#VERSION}, {@value Plugin#DESCRIPTION}).
 */
@ComponentPropertyType
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ColonyPlugin {

    /** Prefix of the generated service property names. */
    String PREFIX_ = "colony.plugin.";

    /** The plugin's name: letters, digits, '.', '_' and '-'. */
    String name();

    /** The plugin's OSGi version, e.g. {@code 1.0.0}. */
    String version();

    /** A one-line description shown by {@code colony:plugins}. */
    String description() default "";
}
