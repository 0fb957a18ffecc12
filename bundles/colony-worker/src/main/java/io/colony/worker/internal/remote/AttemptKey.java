package io.colony.worker.internal.remote;

/**
 * Which attempt of which task a message is about, and which node sent it: progress, outcome and
 * cancellation name the attempt they belong to, and a node can only cancel its own attempts.
 * The task index and attempt are the wire's unsigned 32-bit numbers.
 */
record AttemptKey(String nodeId, String jobId, int taskIndex, int attempt) {

    @Override
    public String toString() {
        return "job " + jobId + " task " + Integer.toUnsignedString(taskIndex) + " attempt " + Integer.toUnsignedString(attempt)
                + " from node " + nodeId;
    }
}
