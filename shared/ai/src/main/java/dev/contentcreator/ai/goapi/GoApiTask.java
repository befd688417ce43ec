package dev.contentcreator.ai.goapi;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Locale;
import java.util.Objects;

/**
 * One task as GoAPI reports it (the {@code data} object of a create or get answer, or of a
 * webhook): its id, model, type and status, and the model-specific {@code input} and
 * {@code output}. Immutable: the JSON parts are copied in and out.
 */
public final class GoApiTask {
  private final String taskId;
  private final String model;
  private final String taskType;
  private final String status;
  private final JsonObject input;
  private final JsonObject output;
  private final long errorCode;
  private final String errorMessage;

  private GoApiTask(String taskId, String model, String taskType, String status, JsonObject input,
      JsonObject output, long errorCode, String errorMessage) {
    this.taskId = taskId;
    this.model = model;
    this.taskType = taskType;
    this.status = status;
    this.input = input;
    this.output = output;
    this.errorCode = errorCode;
    this.errorMessage = errorMessage;
  }

  /**
   * Reads a task object. Throws {@link IllegalArgumentException} when {@code task_id} or
   * {@code status} is missing or not a string; everything else is optional.
   */
  static GoApiTask fromJson(JsonObject data) {
    Objects.requireNonNull(data, "data");
    String taskId = text(data, "task_id");
    if (taskId.isBlank()) {
      throw new IllegalArgumentException("the task has no task_id");
    }
    if (!data.has("status") || !isString(data.get("status"))) {
      throw new IllegalArgumentException("the task has no status");
    }
    JsonObject error = object(data, "error");
    String message = text(error, "message");
    if (message.isBlank()) {
      message = text(error, "raw_message");
    }
    long code = error.has("code") && isNumber(error.get("code")) ? error.get("code").getAsLong() : 0;
    return new GoApiTask(taskId, text(data, "model"), text(data, "task_type"),
        data.get("status").getAsString().trim().toLowerCase(Locale.ROOT),
        object(data, "input"), object(data, "output"), code, message.trim());
  }

  public String taskId() { return taskId; }
  /** The model as GoAPI names it, or "" when the answer left it out. */
  public String model() { return model; }
  /** The task type, or "" when the answer left it out. */
  public String taskType() { return taskType; }
  /** The status in lower case: pending, staged, processing, completed or failed. */
  public String status() { return status; }
  /** A copy of the task's input (empty when absent). */
  public JsonObject input() { return input.deepCopy(); }
  /** A copy of the task's output (empty when absent or null). */
  public JsonObject output() { return output.deepCopy(); }
  /** GoAPI's error code, 0 when none. */
  public long errorCode() { return errorCode; }
  /** GoAPI's error message, "" when none. */
  public String errorMessage() { return errorMessage; }

  @Override
  public String toString() {
    return "GoApiTask{" + taskId + ", " + model + "/" + taskType + ", " + status + "}";
  }

  static String text(JsonObject o, String name) {
    JsonElement e = o.get(name);
    return isString(e) ? e.getAsString() : "";
  }

  static JsonObject object(JsonObject o, String name) {
    JsonElement e = o.get(name);
    return e != null && e.isJsonObject() ? e.getAsJsonObject().deepCopy() : new JsonObject();
  }

  static boolean isString(JsonElement e) {
    return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
  }

  static boolean isNumber(JsonElement e) {
    if (e == null || !e.isJsonPrimitive()) {
      return false;
    }
    JsonPrimitive p = e.getAsJsonPrimitive();
    return p.isNumber();
  }
}
