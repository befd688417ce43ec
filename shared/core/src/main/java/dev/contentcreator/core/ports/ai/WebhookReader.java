package dev.contentcreator.core.ports.ai;

import java.util.Map;

/** Checks and reads a provider's webhook call: the shared secret, then the task's status. */
public interface WebhookReader {

  /** The provider this reads for, such as {@code goapi}. */
  String provider();

  Result read(Map<String, String> headers, byte[] body);

  /** A verified status, or why the call was refused ({@code unauthorized} or {@code malformed}). */
  record Result(AsyncProvider.TaskStatus status, String refusal, boolean unauthorized) {}
}
