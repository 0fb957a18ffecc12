package io.colony.api.plugin;

/** A plugin could not do its work; the message is shown to the user and should say why. */
public class PluginException extends Exception {

    private static final long serialVersionUID = 1L;

    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
