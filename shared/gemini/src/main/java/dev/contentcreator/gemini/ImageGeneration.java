package dev.contentcreator.gemini;

import com.google.genai.Client;
import com.google.genai.errors.ApiException;
import com.google.genai.errors.GenAiIOException;
import com.google.genai.types.Candidate;
import com.google.genai.types.Content;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.ImageConfig;
import com.google.genai.types.Part;
import dev.contentcreator.core.ports.ai.ItemRequest;
import dev.contentcreator.core.ports.ai.ItemResult;
import dev.contentcreator.core.ports.ai.ItemResult.Media;
import dev.contentcreator.core.ports.ai.ItemResult.Usage;
import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.core.ports.ai.ProviderFailures;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One image from a Gemini image model ({@code generateContent} answering with an image part,
 * {@code inlineData}): the bytes come in the answer, so nothing has to be fetched later. Imagen's
 * {@code generateImages} is not offered: google-genai serves it only through Vertex AI, not with an
 * API key. A blocked prompt, an answer stopped for safety, or one with only words is a refusal.
 */
final class ImageGeneration {
  private static final Set<String> ASPECT_RATIOS = Set.of("1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16",
      "16:9", "21:9");
  private static final Set<String> SAFETY_STOPS = Set.of("SAFETY", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII",
      "IMAGE_SAFETY", "IMAGE_PROHIBITED_CONTENT", "NO_IMAGE");

  private ImageGeneration() {}

  static ItemResult run(Client client, ProviderFailures failures, ItemRequest request, String model)
      throws ProviderException {
    GenerateContentConfig.Builder config = GenerateContentConfig.builder().responseModalities("IMAGE");
    String aspect = request.option("aspectRatio", null);
    if (aspect != null) {
      if (!ASPECT_RATIOS.contains(aspect.trim())) {
        throw failures.badRequest("The option aspectRatio must be one of " + ASPECT_RATIOS.stream().sorted().toList()
            + " for Gemini, got: " + aspect);
      }
      config.imageConfig(ImageConfig.builder().aspectRatio(aspect.trim()).build());
    }
    String prompt = request.prompt();
    String negative = request.option("negativePrompt", null);
    if (negative != null && !negative.isBlank()) {
      // Gemini takes no negative prompt of its own: it reads one in words.
      prompt = prompt + "\n\nAvoid: " + negative.strip();
    }
    GenerateContentResponse answer;
    try {
      answer = client.models.generateContent(model, prompt, config.build());
    } catch (ApiException | GenAiIOException e) {
      throw SdkFailures.classify(failures, e);
    }
    var blocked = answer.promptFeedback().flatMap(f -> f.blockReason());
    if (blocked.isPresent()) {
      throw failures.refused("the prompt was blocked (" + blocked.get() + ")");
    }
    List<Candidate> candidates = answer.candidates().orElse(List.of());
    if (candidates.isEmpty()) {
      throw failures.malformed("no candidate in the answer");
    }
    Candidate first = candidates.get(0);
    String finish = first.finishReason().map(Object::toString).orElse("");
    List<Media> media = new ArrayList<>();
    StringBuilder words = new StringBuilder();
    for (Part part : first.content().flatMap(Content::parts).orElse(List.of())) {
      if (part.inlineData().flatMap(b -> b.data()).isPresent()) {
        byte[] bytes = part.inlineData().get().data().get();
        String type = part.inlineData().get().mimeType().orElse("image/png");
        if (bytes.length > 0) {
          media.add(new Media(type, bytes, null, null, null, null));
        }
      } else {
        part.text().ifPresent(words::append);
      }
    }
    if (media.isEmpty()) {
      if (SAFETY_STOPS.contains(finish)) {
        throw failures.refused("the image was stopped (" + finish + ")");
      }
      if (words.length() > 0) {
        throw failures.refused(words.toString());
      }
      throw failures.malformed("no image in the answer");
    }
    long in = answer.usageMetadata().flatMap(u -> u.promptTokenCount()).orElse(0);
    long out = answer.usageMetadata().flatMap(u -> u.candidatesTokenCount()).orElse(0);
    return new ItemResult(GeminiProvider.NAME, model, null, media, new Usage(in, out, media.size(), 0));
  }
}
