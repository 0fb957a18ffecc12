package io.colony.plugins.mandelbrot.internal;

import io.colony.api.plugin.JsonCodec;
import io.colony.api.plugin.Payload;
import io.colony.api.plugin.PluginException;

/** Reads and validates workloads (a whole image) and task inputs (a tile, or a whole image). */
final class TaskInput {

    /** One task's work: a tile of an image. */
    record TileTask(ImageSpec image, Tile tile) {
    }

    private TaskInput() {
    }

    static ImageSpec workload(Payload payload, JsonCodec json) throws PluginException {
        TaskJson input = read(payload, json);
        if (input.isTile()) {
            throw new PluginException("image: a workload is the image itself, {\"width\": .., \"height\": .., ...}; "
                    + "tiles are made by splitting it");
        }
        return ImageSpec.from(input.asImage(), "");
    }

    static TileTask task(Payload payload, JsonCodec json) throws PluginException {
        TaskJson input = read(payload, json);
        if (!input.isTile()) {
            ImageSpec image = ImageSpec.from(input.asImage(), "");
            return new TileTask(image, image.whole());
        }
        if (input.image() == null) {
            throw new PluginException("image: is required when x and y are given");
        }
        ImageSpec image = ImageSpec.from(input.image(), "image.");
        int x = require(input.x(), "x");
        int y = require(input.y(), "y");
        int width = require(input.width(), "width");
        int height = require(input.height(), "height");
        requireInside("x", x, "width", width, image.width());
        requireInside("y", y, "height", height, image.height());
        return new TileTask(image, new Tile(x, y, width, height));
    }

    private static TaskJson read(Payload payload, JsonCodec json) throws PluginException {
        TaskJson input = json.decode(payload, TaskJson.class);
        if (input == null) {
            throw new PluginException("input: must be a JSON object, got null");
        }
        return input;
    }

    /** Checks that {@code [offset, offset + length)} lies inside {@code [0, limit)}. */
    private static void requireInside(String offsetField, int offset, String lengthField, int length, int limit)
            throws PluginException {
        if (offset < 0 || offset >= limit) {
            throw new PluginException(offsetField + ": must be in 0.." + (limit - 1) + " (" + offsetField + "=" + offset + ")");
        }
        if (length < 1 || (long) offset + length > limit) {
            throw new PluginException(lengthField + ": must be in 1.." + (limit - offset) + " so that the tile ends inside the image ("
                    + offsetField + "=" + offset + ", " + lengthField + "=" + length + ", image " + lengthField + "=" + limit + ")");
        }
    }

    private static int require(Integer value, String field) throws PluginException {
        if (value == null) {
            throw new PluginException(field + ": is required");
        }
        return value;
    }
}
