package io.colony.plugins.mandelbrot.internal;

import io.colony.api.plugin.ColonyPlugin;
import io.colony.api.plugin.JsonCodec;
import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.PluginException;
import io.colony.api.plugin.Reducer;
import io.colony.api.plugin.Splitter;
import io.colony.api.plugin.TaskContext;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Renders the Mandelbrot set as a PNG. A job's workload is the whole image
 * ({@code {"width": 800, "height": 600, "centerX": -0.5, "centerY": 0, "scale": 3, "maxIterations": 500}});
 * it is split into tiles ({@code {"image": {..}, "x": .., "y": .., "width": .., "height": ..}}),
 * each rendered to a PNG, and the tiles are put back together into one PNG.
 */
@Component(service = {Plugin.class, Splitter.class, Reducer.class})
@ColonyPlugin(name = "mandelbrot", version = "1.0.0",
        description = "Renders the Mandelbrot set as a PNG with smooth colouring, tile by tile")
public final class MandelbrotPlugin implements Plugin, Splitter, Reducer {

    @Override
    public Payload execute(Payload input, TaskContext context) throws PluginException {
        TaskInput.TileTask task = TaskInput.task(input, context.json());
        return Png.write(Renderer.render(task.image(), task.tile(), context));
    }

    @Override
    public List<Payload> split(Payload workload, int chunks, JsonCodec json) throws PluginException {
        ImageSpec image = TaskInput.workload(workload, json);
        List<Payload> payloads = new ArrayList<>();
        for (Tile tile : Tiling.tiles(image, chunks)) {
            payloads.add(json.encode(new TileJson(image.toJson(), tile.x(), tile.y(), tile.width(), tile.height())));
        }
        return payloads;
    }

    @Override
    public Payload reduce(Payload workload, List<Payload> results, JsonCodec json) throws PluginException {
        ImageSpec image = TaskInput.workload(workload, json);
        return Png.write(TileAssembler.assemble(image, results));
    }
}
