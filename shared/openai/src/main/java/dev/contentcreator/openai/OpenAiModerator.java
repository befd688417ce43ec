package dev.contentcreator.openai;

import com.openai.client.OpenAIClient;
import dev.contentcreator.core.ports.ai.LazyClient;
import dev.contentcreator.core.ports.ai.Moderator;
import dev.contentcreator.core.ports.ai.ProviderException;
import java.util.Objects;

/**
 * Checks a prompt with OpenAI's moderation endpoint ({@code omni-moderation-latest} unless
 * {@code OPENAI_MODERATION_MODEL} says otherwise). Built by {@link OpenAiServices}.
 */
public final class OpenAiModerator implements Moderator {
  private final LazyClient<OpenAiSettings, OpenAIClient> client;
  private final OpenAiErrors errors;
  private final String model;

  OpenAiModerator(LazyClient<OpenAiSettings, OpenAIClient> client, OpenAiErrors errors, String model) {
    this.client = Objects.requireNonNull(client, "client");
    this.errors = Objects.requireNonNull(errors, "errors");
    this.model = Objects.requireNonNull(model, "model");
  }

  /** The moderation model asked. */
  public String model() {
    return model;
  }

  @Override
  public Verdict check(String text) throws ProviderException {
    Objects.requireNonNull(text, "text");
    return ModerationCall.run(client.get(), errors, model, text);
  }
}
