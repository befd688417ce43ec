package dev.contentcreator.gemini;

import com.google.genai.Client;
import com.google.genai.ResponseStream;
import com.google.genai.errors.ApiException;
import com.google.genai.errors.GenAiIOException;
import com.google.genai.types.Candidate;
import com.google.genai.types.Content;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.GenerateContentResponseUsageMetadata;
import com.google.genai.types.Part;
import dev.contentcreator.core.ports.ai.ItemRequest;
import dev.contentcreator.core.ports.ai.ItemResult;
import dev.contentcreator.core.ports.ai.ItemResult.Usage;
import dev.contentcreator.core.ports.ai.Progress;
import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.core.ports.ai.ProviderFailures;
import java.util.List;
import java.util.Set;

/**
 * One streamed {@code streamGenerateContent?alt=sse} call: each chunk's text parts go to
 * {@link Progress} as they arrive; the usage is the last chunk's {@code usageMetadata} (running
 * totals), and only a finish reason says the answer is whole. A blocked prompt or an answer
 * stopped for safety is refused, never retried.
 */
final class TextGeneration {
  private static final Set<String> SAFETY_STOPS = Set.of("SAFETY", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII",
      "RECITATION", "IMAGE_SAFETY");

  private TextGeneration() {}

  static ItemResult run(Client client, ProviderFailures failures, ItemRequest request, String model,
      Progress progress) throws ProviderException {
    GenerateContentConfig config = config(failures, request);
    StringBuilder text = new StringBuilder();
    GenerateContentResponseUsageMetadata usage = null;
    String finishReason = null;
    try (ResponseStream<GenerateContentResponse> stream =
        client.models.generateContentStream(model, request.prompt(), config)) {
      for (GenerateContentResponse chunk : stream) {
        var blocked = chunk.promptFeedback().flatMap(f -> f.blockReason());
        if (blocked.isPresent()) {
          throw failures.refused("the prompt was blocked (" + blocked.get() + ")");
        }
        if (chunk.usageMetadata().isPresent()) {
          usage = chunk.usageMetadata().get();
        }
        List<Candidate> candidates = chunk.candidates().orElse(List.of());
        if (candidates.isEmpty()) {
          continue;
        }
        Candidate first = candidates.get(0);
        for (Part part : first.content().flatMap(Content::parts).orElse(List.of())) {
          // Thought summaries are not the answer.
          if (part.thought().orElse(false)) {
            continue;
          }
          String piece = part.text().orElse("");
          if (!piece.isEmpty()) {
            text.append(piece);
            progress.textDelta(piece);
          }
        }
        if (first.finishReason().isPresent()) {
          finishReason = first.finishReason().get().toString();
        }
      }
    } catch (ApiException | GenAiIOException e) {
      throw SdkFailures.classify(failures, e);
    }
    if (finishReason == null) {
      throw failures.streamCut();
    }
    if (SAFETY_STOPS.contains(finishReason)) {
      throw failures.refused("the answer was stopped (" + finishReason + ")");
    }
    long in = usage == null ? 0 : usage.promptTokenCount().orElse(0);
    // Thinking tokens are billed as output.
    long out = usage == null ? 0 : usage.candidatesTokenCount().orElse(0) + usage.thoughtsTokenCount().orElse(0);
    return new ItemResult(GeminiProvider.NAME, model, text.toString(), List.of(), new Usage(in, out, 0, 0));
  }

  private static GenerateContentConfig config(ProviderFailures failures, ItemRequest request)
      throws ProviderException {
    GenerateContentConfig.Builder config = GenerateContentConfig.builder();
    if (request.systemPrompt() != null && !request.systemPrompt().isBlank()) {
      config.systemInstruction(Content.fromParts(Part.fromText(request.systemPrompt())));
    }
    String maxTokens = request.option("maxTokens", null);
    if (maxTokens != null) {
      config.maxOutputTokens((int) Options.positiveLong(failures, "maxTokens", maxTokens, 1_000_000));
    }
    String temperature = request.option("temperature", null);
    if (temperature != null) {
      config.temperature((float) Options.number(failures, "temperature", temperature, 0, 2));
    }
    return config.build();
  }
}
