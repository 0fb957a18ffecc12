package io.colony.shell.internal.admin;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Commands for the admin channel tests, registered in Gogo under scope "test". Public, as Gogo calls them by reflection. */
public final class TestCommands {

    final CountDownLatch blockStarted = new CountDownLatch(1);
    final CountDownLatch blockInterrupted = new CountDownLatch(1);

    public void hello(String name) {
        System.out.println("hello " + name);
    }

    public void warn(String text) {
        System.err.println(text);
    }

    public String answer() {
        return "42";
    }

    public void partial() {
        System.out.print("no newline");
    }

    public void fail() throws IOException {
        throw new IllegalStateException("it broke", new IOException("disk on fire"));
    }

    /** Waits up to 30 s, and notes whether it was interrupted (as when its client goes away). */
    public void block() {
        blockStarted.countDown();
        try {
            new CountDownLatch(1).await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            blockInterrupted.countDown();
            Thread.currentThread().interrupt();
        }
    }
}
