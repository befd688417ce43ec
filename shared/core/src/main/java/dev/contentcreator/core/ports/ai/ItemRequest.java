package dev.contentcreator.core.ports.ai;

import dev.contentcreator.core.domain.ContentKind;
import java.util.Map;
import java.util.Objects;

/**
 * What to generate for one item: the kind, the model, the prompt (variables already filled in),
 * the system prompt (the project's brand voice, for text), and the provider options such as
 * {@code size}, {@code aspectRatio}, {@code width}, {@code height}, {@code duration},
 * {@code mode}, {@code negativePrompt}, {@code taskType}, {@code originTaskId}, {@code index}.
 * {@code itemId} is stable across retries, for the provider's own dedupe where it has one.
 */
public record ItemRequest(
    String itemId,
    ContentKind kind,
    String model,
    String prompt,
    String systemPrompt,
    Map<String, String> options,
    String userId) {

  public ItemRequest {
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(prompt, "prompt");
    options = Map.copyOf(options);
  }

  public String option(String name, String defaultValue) {
    return options.getOrDefault(name, defaultValue);
  }
}
