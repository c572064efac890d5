package io.fasttrack.flow.events.model;

/** One FTOP task of an engagement's task list. */
public record FtopTask(String taskId, String name, boolean mandatory) {
}
