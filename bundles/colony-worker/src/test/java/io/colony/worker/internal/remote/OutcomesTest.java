package io.colony.worker.internal.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.colony.api.worker.TaskFailedException;
import io.colony.api.worker.TaskFailedException.Reason;
import io.colony.transport.proto.TaskOutcome;
import io.colony.transport.proto.TaskOutcome.Status;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class OutcomesTest {

    private static TaskOutcome failure(Throwable failure) {
        return Outcomes.failure(failure).build();
    }

    @Test
    void executorFailuresAreUnwrappedAndKeepTheirMessage() {
        TaskOutcome outcome = failure(new CompletionException(new TaskFailedException(Reason.PLUGIN_ERROR, "width: must be positive")));
        assertEquals(Status.FAILED, outcome.getStatus());
        assertEquals("width: must be positive", outcome.getError());
    }

    @Test
    void missingPluginIsARefusal() {
        assertEquals(Status.REFUSED, failure(new TaskFailedException(Reason.UNKNOWN_PLUGIN, "no plugin 'x'")).getStatus());
    }

    @Test
    void workCancelledOnTheWorkerWithoutTheManagerAskingIsAFailureNotAKill() {
        TaskOutcome byPlugin = failure(new TaskFailedException(Reason.CANCELLED, "task t-3 was cancelled"));
        assertEquals(Status.FAILED, byPlugin.getStatus());
        assertEquals("task t-3 was cancelled", byPlugin.getError());
        TaskOutcome future = failure(new CompletionException(new CancellationException()));
        assertEquals(Status.FAILED, future.getStatus());
        assertEquals("the work was cancelled on this worker", future.getError());
    }

    @Test
    void unexpectedFailureWithoutMessageIsNamedByItsType() {
        assertEquals("java.lang.NullPointerException", failure(new NullPointerException()).getError());
    }
}
