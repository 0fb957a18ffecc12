package io.colony.sandbox.internal.process;

import java.time.Duration;

/** The messages of the limits a conversation watches, naming the setting an operator can change. */
interface WatchMessages {

    String wallTime(Duration limit);

    String cpuTime(Duration limit);

    String heap(long bytes);
}
