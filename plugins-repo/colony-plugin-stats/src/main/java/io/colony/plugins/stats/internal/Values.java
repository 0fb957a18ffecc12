package io.colony.plugins.stats.internal;

import io.colony.api.plugin.JsonCodec;
import io.colony.api.plugin.Payload;
import io.colony.api.plugin.PluginException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A validated, non-empty list of finite numbers. */
final class Values {

    private final double[] values;

    private Values(double[] values) {
        this.values = values;
    }

    /**
     * Reads and validates {@code {"values": [..]}}; the exception names the field at fault.
     *
     * @throws PluginException when the input is not that object, the list is missing or empty, or a
     *     value is not a finite number
     */
    static Values decode(Payload payload, JsonCodec json) throws PluginException {
        ValuesJson input = json.decode(payload, ValuesJson.class);
        if (input == null) {
            throw new PluginException("input: must be a JSON object {\"values\": [<number>, ...]}, got null");
        }
        double[] values = input.values();
        if (values == null) {
            throw new PluginException("values: is required");
        }
        if (values.length == 0) {
            throw new PluginException("values: must hold at least one number");
        }
        for (int index = 0; index < values.length; index++) {
            if (!Double.isFinite(values[index])) {
                throw new PluginException("values[" + index + "]: must be a finite number, got " + values[index]);
            }
        }
        return new Values(values);
    }

    int count() {
        return values.length;
    }

    double get(int index) {
        return values[index];
    }

    /**
     * Up to {@code chunks} contiguous slices of near-equal length that hold every value once, in
     * order; fewer when there are fewer values than chunks, never none.
     *
     * @throws PluginException when {@code chunks < 1}
     */
    List<ValuesJson> split(int chunks) throws PluginException {
        if (chunks < 1) {
            throw new PluginException("chunks: must be >= 1 (chunks=" + chunks + ")");
        }
        int count = Math.min(chunks, values.length);
        int base = values.length / count;
        int remainder = values.length % count;
        List<ValuesJson> slices = new ArrayList<>(count);
        int from = 0;
        for (int index = 0; index < count; index++) {
            int size = base + (index < remainder ? 1 : 0);
            slices.add(new ValuesJson(Arrays.copyOfRange(values, from, from + size)));
            from += size;
        }
        return slices;
    }
}
