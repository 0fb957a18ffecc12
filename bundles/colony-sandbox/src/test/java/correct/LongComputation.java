package correct;

import io.colony.api.plugin.Payload;
import io.colony.api.plugin.Plugin;
import io.colony.api.plugin.TaskContext;

/** A few seconds of honest CPU work in tight loops (Collatz chains and a sieve): the guard must not stop or skew it. */
public class LongComputation implements Plugin {

    @Override
    public Payload execute(Payload input, TaskContext context) {
        int limit = Integer.parseInt(input.asText().trim());
        long longestStart = 1;
        long longestLength = 1;
        long totalSteps = 0;
        for (long start = 1; start < limit; start++) {
            long value = start;
            long length = 1;
            while (value != 1) {
                value = (value & 1) == 0 ? value >> 1 : 3 * value + 1;
                length++;
            }
            totalSteps += length;
            if (length > longestLength) {
                longestLength = length;
                longestStart = start;
            }
            if ((start & 0xffff) == 0) {
                context.progress(start, limit);
            }
        }
        boolean[] composite = new boolean[limit + 1];
        int primes = 0;
        for (int i = 2; i <= limit; i++) {
            if (!composite[i]) {
                primes++;
                for (long j = (long) i * i; j <= limit; j += i) {
                    composite[(int) j] = true;
                }
            }
        }
        return Payload.text("longest chain below " + limit + " starts at " + longestStart + " (" + longestLength + " terms), "
                + totalSteps + " terms in all, " + primes + " primes");
    }
}
