package io.colony.sandbox.internal.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colony.api.plugin.JsonCodec;
import io.colony.api.plugin.Payload;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.TaskContext;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;

/** A task context that records what a run reports and logs; JSON goes through Jackson as on a worker. */
public final class TestContext implements TaskContext {

    public final List<Double> progress = new CopyOnWriteArrayList<>();
    public final List<String> lines = new CopyOnWriteArrayList<>();
    public volatile boolean cancelled;
    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public String taskId() {
        return "task-1";
    }

    @Override
    public void progress(double fraction) {
        progress.add(fraction);
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public System.Logger logger() {
        return new System.Logger() {
            @Override
            public String getName() {
                return "test";
            }

            @Override
            public boolean isLoggable(Level level) {
                return true;
            }

            @Override
            public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
                lines.add(level + " " + message + (thrown == null ? "" : " " + thrown));
            }

            @Override
            public void log(Level level, ResourceBundle bundle, String format, Object... params) {
                lines.add(level + " " + (params == null || params.length == 0 ? format : MessageFormat.format(format, params)));
            }
        };
    }

    @Override
    public JsonCodec json() {
        return new JsonCodec() {
            @Override
            public <T> T decode(Payload payload, Class<T> type) throws PluginException {
                try {
                    return mapper.readValue(payload.bytes(), type);
                } catch (IOException e) {
                    throw new PluginException("input: " + e.getMessage());
                }
            }

            @Override
            public Payload encode(Object value) throws PluginException {
                try {
                    return Payload.of(mapper.writeValueAsBytes(value), Payload.JSON);
                } catch (JsonProcessingException e) {
                    throw new PluginException("result: " + e.getMessage());
                }
            }
        };
    }
}
