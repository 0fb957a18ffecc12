package correct;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.TaskContext;
import java.util.Arrays;

/** Binary payloads: bytes in, bytes out, with a checksum header. */
public class ByteTransform implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) {
        byte[] bytes = input.bytes();
        byte[] transformed = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            transformed[bytes.length - 1 - i] = (byte) (bytes[i] ^ 0x5a);
        }
        int checksum = Arrays.hashCode(transformed);
        byte[] out = new byte[8 + transformed.length];
        writeInt(out, 0, checksum);
        writeInt(out, 4, transformed.length);
        System.arraycopy(transformed, 0, out, 8, transformed.length);
        return Payload.of(out, Payload.BINARY);
    }

    private static void writeInt(byte[] out, int at, int value) {
        for (int i = 0; i < 4; i++) {
            out[at + i] = (byte) (value >>> (24 - 8 * i));
        }
    }
}
