package dev.contentcreator.openai;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.CompletionUsage;
import dev.contentcreator.core.ports.ai.ItemRequest;
import dev.contentcreator.core.ports.ai.ItemResult;
import dev.contentcreator.core.ports.ai.ItemResult.Usage;
import dev.contentcreator.core.ports.ai.Progress;
import dev.contentcreator.core.ports.ai.ProviderException;
import java.util.Iterator;
import java.util.List;

/**
 * One streamed chat completion: the deltas go to {@link Progress} as they arrive, the text is
 * assembled, and the usage comes from the last chunk ({@code stream_options.include_usage}).
 */
final class TextGeneration {
  private TextGeneration() {}

  static ItemResult run(OpenAIClient client, OpenAiErrors errors, ItemRequest request, String model,
      Progress progress) throws ProviderException {
    ChatCompletionCreateParams params = params(errors, request, model);
    StringBuilder text = new StringBuilder();
    StringBuilder refusal = new StringBuilder();
    String finishReason = null;
    CompletionUsage usage = null;
    try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
      Iterator<ChatCompletionChunk> chunks = stream.stream().iterator();
      while (chunks.hasNext()) {
        ChatCompletionChunk chunk = chunks.next();
        if (chunk.usage().isPresent()) {
          usage = chunk.usage().get();
        }
        for (ChatCompletionChunk.Choice choice : chunk.choices()) {
          if (choice.index() != 0) {
            continue;
          }
          String delta = choice.delta().content().orElse("");
          if (!delta.isEmpty()) {
            text.append(delta);
            progress.textDelta(delta);
          }
          choice.delta().refusal().ifPresent(refusal::append);
          if (choice.finishReason().isPresent()) {
            finishReason = choice.finishReason().get().asString();
          }
        }
      }
    } catch (OpenAIException e) {
      throw SdkFailures.classify(errors, e);
    }
    // Both the finishing chunk and the usage chunk come just before [DONE]: a stream without
    // either was cut short, though the connection closed cleanly.
    if (finishReason == null && usage == null) {
      throw errors.streamCut();
    }
    if ("content_filter".equals(finishReason)) {
      throw errors.refused("its content filter stopped the answer");
    }
    if (text.length() == 0 && refusal.length() > 0) {
      throw errors.refused(refusal.toString());
    }
    Usage used = usage == null ? Usage.NONE : new Usage(usage.promptTokens(), usage.completionTokens(), 0, 0);
    return new ItemResult(OpenAiErrors.PROVIDER, model, text.toString(), List.of(), used);
  }

  // user is deprecated in favour of safety_identifier on OpenAI, but it is what compatible servers know.
  @SuppressWarnings("deprecation")
  private static ChatCompletionCreateParams params(OpenAiErrors errors, ItemRequest request, String model)
      throws ProviderException {
    ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder()
        .model(model)
        .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build());
    if (request.systemPrompt() != null && !request.systemPrompt().isBlank()) {
      params.addSystemMessage(request.systemPrompt());
    }
    params.addUserMessage(request.prompt());
    String maxTokens = request.option("maxTokens", null);
    if (maxTokens != null) {
      params.maxCompletionTokens(Options.positiveLong(errors, "maxTokens", maxTokens, 1_000_000));
    }
    String temperature = request.option("temperature", null);
    if (temperature != null) {
      params.temperature(Options.temperature(errors, temperature));
    }
    if (request.userId() != null && !request.userId().isBlank()) {
      params.user(request.userId());
    }
    return params.build();
  }
}
