package io.colony.api.plugin;

/** A replacement of the API's TaskContext. */
public interface TaskContext {

    String taskId();
}
