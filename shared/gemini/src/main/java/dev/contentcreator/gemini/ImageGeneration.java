package dev.contentcreator.gemini;

import com.google.genai.Client;
import com.google.genai.errors.ApiException;
import com.google.genai.errors.GenAiIOException;
import com.google.genai.types.GenerateImagesConfig;
import com.google.genai.types.GenerateImagesResponse;
import com.google.genai.types.GeneratedImage;
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
 * One Imagen call ({@code models/{model}:predict} through {@code generateImages}): the images come
 * back as bytes, so nothing has to be fetched later. Every image filtered for safety is a refusal.
 */
final class ImageGeneration {
  private static final int MAX_IMAGES = 4;
  private static final Set<String> ASPECT_RATIOS = Set.of("1:1", "3:4", "4:3", "9:16", "16:9");

  private ImageGeneration() {}

  static ItemResult run(Client client, ProviderFailures failures, ItemRequest request, String model)
      throws ProviderException {
    int n = (int) Options.positiveLong(failures, "n", request.option("n", "1"), MAX_IMAGES);
    GenerateImagesConfig.Builder config = GenerateImagesConfig.builder().numberOfImages(n)
        .outputMimeType("image/png");
    String aspect = request.option("aspectRatio", null);
    if (aspect != null) {
      if (!ASPECT_RATIOS.contains(aspect.trim())) {
        throw failures.badRequest("The option aspectRatio must be one of " + ASPECT_RATIOS + " for Imagen, got: "
            + aspect);
      }
      config.aspectRatio(aspect.trim());
    }
    String negative = request.option("negativePrompt", null);
    if (negative != null && !negative.isBlank()) {
      config.negativePrompt(negative);
    }
    GenerateImagesResponse answer;
    try {
      answer = client.models.generateImages(model, request.prompt(), config.build());
    } catch (ApiException | GenAiIOException e) {
      throw SdkFailures.classify(failures, e);
    }
    List<Media> media = new ArrayList<>();
    String filtered = null;
    for (GeneratedImage generated : answer.generatedImages().orElse(List.of())) {
      byte[] bytes = generated.image().flatMap(i -> i.imageBytes()).orElse(null);
      if (bytes == null || bytes.length == 0) {
        filtered = generated.raiFilteredReason().orElse(filtered);
        continue;
      }
      String type = generated.image().flatMap(i -> i.mimeType()).orElse("image/png");
      media.add(new Media(type, bytes, null, null, null, null));
    }
    if (media.isEmpty()) {
      if (filtered != null) {
        throw failures.refused(filtered);
      }
      throw failures.malformed("no image in the answer");
    }
    return new ItemResult(GeminiProvider.NAME, model, null, media, new Usage(0, 0, media.size(), 0));
  }
}
