package io.colony.api.job;

/**
 * EventAdmin topics and properties of job events, posted on the manager (and streamed to REST clients).
 */
public final class JobEvents {

    public static final String TOPIC_PREFIX = "io/colony/job/";
    /** A job was accepted. */
    public static final String JOB_SUBMITTED = TOPIC_PREFIX + "jobSubmitted";
    /**
     * A worker has had a task running for a moment (20 ms); a task that ends sooner has only its
     * {@link #TASK_COMPLETE}, which spares short tasks a message and an event each.
     */
    public static final String TASK_RECEIVED = TOPIC_PREFIX + "taskReceived";
    /**
     * A worker made a manifest job's bundles live (topology 2) and is about to run the task; with
     * {@link #ARTIFACTS}, {@link #SETUP_MILLIS} and {@link #FROM_CACHE}.
     */
    public static final String TASK_CONFIG_COMPLETE = TOPIC_PREFIX + "workerTaskConfigComplete";
    /** A task reported progress (at most a few times a second per task). */
    public static final String TASK_PROGRESS = TOPIC_PREFIX + "taskProgress";
    /** A task reached a final state, or failed an attempt that will be retried. */
    public static final String TASK_COMPLETE = TOPIC_PREFIX + "taskComplete";
    /** A job reached a final state. */
    public static final String JOB_COMPLETE = TOPIC_PREFIX + "jobComplete";

    /** The job's id (String). */
    public static final String JOB_ID = "job.id";
    /** The task's index (Integer). */
    public static final String TASK_INDEX = "task.index";
    /** The worker's id (String). */
    public static final String WORKER = "worker";
    /** The task's or job's state (String, a {@link TaskStatus} or {@link JobStatus} name). */
    public static final String STATUS = "status";
    /** Progress from 0 to 1 (Double): the task's, and the job's as {@link #JOB_PROGRESS}. */
    public static final String PROGRESS = "progress";
    public static final String JOB_PROGRESS = "job.progress";
    /** Why a task or job did not succeed (String), when it did not. */
    public static final String ERROR = "error";
    /** The resolved artifacts' coordinates (String[]), on {@link #TASK_CONFIG_COMPLETE}. */
    public static final String ARTIFACTS = "artifacts";
    /** How long resolving and installing took, in milliseconds (Long), on {@link #TASK_CONFIG_COMPLETE}. */
    public static final String SETUP_MILLIS = "setup.millis";
    /** Whether every artifact came from the worker's cache (Boolean), on {@link #TASK_CONFIG_COMPLETE}. */
    public static final String FROM_CACHE = "fromCache";
    /** Whether a failed attempt will be retried (Boolean), on {@link #TASK_COMPLETE}. */
    public static final String RETRYING = "retrying";

    private JobEvents() {
    }
}
