package io.colony.plugins.mandelbrot.internal;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.PluginException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** PNG payloads, written and read in memory (no ImageIO disk cache, no global ImageIO settings). */
final class Png {

    private Png() {
    }

    static Payload write(BufferedImage image) throws PluginException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            if (!ImageIO.write(image, "png", out)) {
                throw new PluginException("no PNG writer is available in this Java runtime");
            }
        } catch (IOException e) {
            throw new PluginException("could not write the image as PNG: " + e.getMessage(), e);
        }
        return Payload.of(bytes.toByteArray(), Payload.PNG);
    }

    /** Reads a PNG payload; {@code field} names it in the error message. */
    static BufferedImage read(Payload payload, String field) throws PluginException {
        BufferedImage image;
        ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(payload.bytes()));
        try {
            // read closes the stream itself (unless no reader fits); a memory-backed stream holds nothing else
            image = ImageIO.read(in);
        } catch (IOException e) {
            throw new PluginException(field + ": not a readable PNG image (" + e.getMessage() + ")", e);
        }
        if (image == null) {
            throw new PluginException(field + ": not a PNG image (" + payload + ")");
        }
        return image;
    }
}
