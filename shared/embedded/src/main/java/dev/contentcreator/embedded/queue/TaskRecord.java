package dev.contentcreator.embedded.queue;

import com.google.gson.JsonObject;
import java.time.Instant;

/**
 * A task as the queue holds it, for tests and operators.
 *
 * @param dueAt when it runs next (its schedule time, then the time of its next retry)
 * @param firstAttemptAt when it first ran, or null if it has not
 * @param lastError the error of its last failed attempt, or null
 * @param finishedAt when it ended (done or dead), or null
 */
public record TaskRecord(String queue, String name, String handler, JsonObject payload, WorkState state,
    int attempts, Instant dueAt, Instant firstAttemptAt, String lastError, Instant finishedAt) {}
