package dev.contentcreator.anthropic;

import com.anthropic.client.AnthropicClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicException;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.Metadata;
import com.anthropic.models.messages.RawMessageStreamEvent;
import dev.contentcreator.core.ports.ai.ItemRequest;
import dev.contentcreator.core.ports.ai.ItemResult;
import dev.contentcreator.core.ports.ai.ItemResult.Usage;
import dev.contentcreator.core.ports.ai.Progress;
import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.core.ports.ai.ProviderFailures;
import java.util.Iterator;
import java.util.List;

/**
 * One streamed message: text deltas go to {@link Progress} as they arrive, the input tokens come
 * with {@code message_start}, the output tokens (a running total) with {@code message_delta}, and
 * only {@code message_stop} says the answer is whole.
 */
final class TextGeneration {
  /** Anthropic requires max_tokens; the generation queue always sends one, other callers get this. */
  static final long DEFAULT_MAX_TOKENS = 4096;

  private TextGeneration() {}

  static ItemResult run(AnthropicClient client, ProviderFailures failures, ItemRequest request, String model,
      Progress progress) throws ProviderException {
    MessageCreateParams params = params(failures, request, model);
    StringBuilder text = new StringBuilder();
    long inputTokens = 0;
    long outputTokens = 0;
    String stopReason = null;
    boolean stopped = false;
    try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params)) {
      Iterator<RawMessageStreamEvent> events = stream.stream().iterator();
      while (events.hasNext()) {
        RawMessageStreamEvent event = events.next();
        if (event.isMessageStart()) {
          inputTokens = event.asMessageStart().message().usage().inputTokens();
          outputTokens = event.asMessageStart().message().usage().outputTokens();
        } else if (event.isContentBlockDelta()) {
          var delta = event.asContentBlockDelta().delta();
          if (delta.isText()) {
            String piece = delta.asText().text();
            if (!piece.isEmpty()) {
              text.append(piece);
              progress.textDelta(piece);
            }
          }
        } else if (event.isMessageDelta()) {
          var delta = event.asMessageDelta();
          outputTokens = delta.usage().outputTokens();
          if (delta.usage().inputTokens().isPresent()) {
            inputTokens = delta.usage().inputTokens().get();
          }
          if (delta.delta().stopReason().isPresent()) {
            stopReason = delta.delta().stopReason().get().asString();
          }
        } else if (event.isMessageStop()) {
          stopped = true;
        }
      }
    } catch (AnthropicException e) {
      throw SdkFailures.classify(failures, e);
    }
    if (!stopped) {
      throw failures.streamCut();
    }
    if ("refusal".equals(stopReason)) {
      throw failures.refused("the model declined to answer this prompt");
    }
    return new ItemResult(AnthropicProvider.NAME, model, text.toString(), List.of(),
        new Usage(inputTokens, outputTokens, 0, 0));
  }

  private static MessageCreateParams params(ProviderFailures failures, ItemRequest request, String model)
      throws ProviderException {
    MessageCreateParams.Builder params = MessageCreateParams.builder()
        .model(model)
        .maxTokens(Options.positiveLong(failures, "maxTokens", request.option("maxTokens",
            Long.toString(DEFAULT_MAX_TOKENS)), 1_000_000))
        .addUserMessage(request.prompt());
    if (request.systemPrompt() != null && !request.systemPrompt().isBlank()) {
      params.system(request.systemPrompt());
    }
    String temperature = request.option("temperature", null);
    if (temperature != null) {
      // Anthropic takes 0 to 1; the product's option runs 0 to 2 (OpenAI's range): halve it.
      // This SDK version has no setter for it; the API still takes the field.
      params.putAdditionalBodyProperty("temperature",
          JsonValue.from(Options.number(failures, "temperature", temperature, 0, 2) / 2));
    }
    if (request.userId() != null && !request.userId().isBlank()) {
      params.metadata(Metadata.builder().userId(request.userId()).build());
    }
    return params.build();
  }
}
