package dev.contentcreator.core.ports.ai;

import dev.contentcreator.core.domain.ContentKind;
import java.util.List;
import java.util.Set;

/**
 * A provider whose work finishes later: GoAPI's task API (Midjourney, Flux, Kling). Submitting
 * gives the provider's task id; the result comes by webhook, or by polling as a fallback.
 * Implementations do not retry by themselves.
 */
public interface AsyncProvider {

  String name();

  Set<ContentKind> kinds();

  List<String> models(ContentKind kind);

  /**
   * Starts the work. {@code webhookUrl} and {@code webhookSecret} may be null (then only polling
   * finds the result). Returns the provider's task id.
   */
  String submit(ItemRequest request, String webhookUrl, String webhookSecret) throws ProviderException;

  /** Where the task is now. */
  TaskStatus poll(String providerTaskId) throws ProviderException;

  /** A provider task's state; {@code result} is set when completed, {@code error} when failed. */
  record TaskStatus(String providerTaskId, State state, int percent, ItemResult result, String error) {
    public enum State { PENDING, PROCESSING, COMPLETED, FAILED }
  }
}
