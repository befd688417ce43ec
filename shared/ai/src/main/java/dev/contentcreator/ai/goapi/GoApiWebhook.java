package dev.contentcreator.ai.goapi;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.contentcreator.core.ports.ai.AsyncProvider.TaskStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Objects;

/**
 * Reads GoAPI's webhook posts. GoAPI sends the secret given at task creation in the
 * {@code x-webhook-secret} header and a body of {@code {timestamp, data: <task>}}, where the task
 * has the shape of a get-task answer; a bare task object and a {@code {code, message, data}}
 * envelope are read too. The secret is checked first, in constant time, before the body is parsed.
 * Never throws for bad input: the answer says what was wrong. Thread-safe.
 */
public final class GoApiWebhook {
  /** The header GoAPI puts the secret in. */
  public static final String SECRET_HEADER = "x-webhook-secret";
  /** Bodies larger than this are not parsed. */
  public static final int MAX_BODY_BYTES = 1 << 20;

  private final byte[] secretDigest;

  /** @param secret the secret the task was created with; not blank */
  public GoApiWebhook(String secret) {
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("the webhook secret must not be blank");
    }
    this.secretDigest = sha256(secret.getBytes(StandardCharsets.UTF_8));
  }

  /** What a webhook post turned out to be. */
  public sealed interface Result permits Valid, BadSecret, Malformed { }

  /** The secret matched and the body is a task; {@code sentAt} is GoAPI's timestamp, or null. */
  public record Valid(TaskStatus status, Instant sentAt) implements Result {
    public Valid {
      Objects.requireNonNull(status, "status");
    }
  }

  /** The header was missing or did not match: answer 401 and ignore the body. */
  public record BadSecret() implements Result { }

  /** The secret matched but the body is not a task GoAPI would send; {@code reason} is for logs. */
  public record Malformed(String reason) implements Result {
    public Malformed {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Checks the header, then reads the body (UTF-8 JSON). */
  public Result receive(String secretHeader, byte[] body) {
    if (secretHeader == null || !MessageDigest.isEqual(secretDigest,
        sha256(secretHeader.getBytes(StandardCharsets.UTF_8)))) {
      return new BadSecret();
    }
    if (body == null || body.length == 0) {
      return new Malformed("the body is empty");
    }
    if (body.length > MAX_BODY_BYTES) {
      return new Malformed("the body is larger than " + MAX_BODY_BYTES + " bytes");
    }
    JsonObject root;
    try {
      JsonElement parsed = GoApiText.parseStrict(new String(body, StandardCharsets.UTF_8));
      if (!parsed.isJsonObject()) {
        return new Malformed("the body is not a JSON object");
      }
      root = parsed.getAsJsonObject();
    } catch (IllegalArgumentException e) {
      return new Malformed(e.getMessage());
    }
    JsonElement data = root.get("data");
    JsonObject taskJson = data != null && data.isJsonObject() ? data.getAsJsonObject()
        : root.has("task_id") ? root : null;
    if (taskJson == null) {
      return new Malformed("the body holds no task");
    }
    Instant sentAt = null;
    JsonElement timestamp = root.get("timestamp");
    if (GoApiTask.isNumber(timestamp)) {
      long seconds = timestamp.getAsLong();
      if (seconds > 0 && seconds < 100_000_000_000L) {
        sentAt = Instant.ofEpochSecond(seconds);
      }
    }
    try {
      return new Valid(GoApiResults.toStatus(GoApiTask.fromJson(taskJson)), sentAt);
    } catch (IllegalArgumentException | GoApiResults.UnreadableTaskException e) {
      return new Malformed(e.getMessage());
    }
  }

  /** {@link #receive(String, byte[])} for a body already read as text. */
  public Result receive(String secretHeader, String body) {
    return receive(secretHeader, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
