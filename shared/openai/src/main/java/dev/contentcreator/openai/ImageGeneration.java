package dev.contentcreator.openai;

import com.openai.client.OpenAIClient;
import com.openai.errors.OpenAIException;
import com.openai.models.images.Image;
import com.openai.models.images.ImageGenerateParams;
import com.openai.models.images.ImagesResponse;
import dev.contentcreator.core.ports.ai.ItemRequest;
import dev.contentcreator.core.ports.ai.ItemResult;
import dev.contentcreator.core.ports.ai.ItemResult.Media;
import dev.contentcreator.core.ports.ai.ItemResult.Usage;
import dev.contentcreator.core.ports.ai.ProviderException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One images.generate call asking for base64 images (addresses OpenAI gives expire in about an
 * hour), decoded into media with their bytes in hand.
 */
final class ImageGeneration {
  private static final int MAX_IMAGES = 10;

  private ImageGeneration() {}

  // response_format and user are deprecated in the SDK with the dall-e models, which still need them.
  @SuppressWarnings("deprecation")
  static ItemResult run(OpenAIClient client, OpenAiErrors errors, ItemRequest request, String model)
      throws ProviderException {
    int n = (int) Options.positiveLong(errors, "n", request.option("n", "1"), MAX_IMAGES);
    String size = request.option("size", null);
    ImageGenerateParams.Builder params = ImageGenerateParams.builder().prompt(request.prompt()).model(model).n(n);
    if (size != null) {
      params.size(size);
    }
    // gpt-image models always answer in base64 and reject response_format; the others need it.
    if (!model.startsWith("gpt-image")) {
      params.responseFormat(ImageGenerateParams.ResponseFormat.B64_JSON);
    }
    if (request.userId() != null && !request.userId().isBlank()) {
      params.user(request.userId());
    }
    ImagesResponse answer;
    try {
      answer = client.images().generate(params.build());
    } catch (OpenAIException e) {
      throw SdkFailures.classify(errors, e);
    }
    List<Media> media = new ArrayList<>();
    try {
      for (Image image : answer.data().orElse(List.of())) {
        media.add(media(errors, image, size));
      }
    } catch (OpenAIException e) {
      throw SdkFailures.classify(errors, e);
    }
    if (media.isEmpty()) {
      throw errors.malformed("no image in the answer");
    }
    long inputTokens = 0;
    long outputTokens = 0;
    if (answer.usage().isPresent()) {
      inputTokens = answer.usage().get().inputTokens();
      outputTokens = answer.usage().get().outputTokens();
    }
    return new ItemResult(OpenAiErrors.PROVIDER, model, null, media,
        new Usage(inputTokens, outputTokens, media.size(), 0));
  }

  private static Media media(OpenAiErrors errors, Image image, String size) throws ProviderException {
    String b64 = image.b64Json().orElse(null);
    if (b64 == null) {
      // A compatible server that ignored response_format: the caller copies from the address at once.
      String url = image.url().orElseThrow(() -> errors.malformed("an image with neither b64_json nor url"));
      int[] dims = ImageBytes.sizeOption(size);
      return new Media("image/png", null, url, dims == null ? null : dims[0], dims == null ? null : dims[1], null);
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      throw errors.malformed("b64_json is not base64");
    }
    if (bytes.length == 0) {
      throw errors.malformed("an empty image");
    }
    int[] dims = ImageBytes.pngSize(bytes);
    if (dims == null) {
      dims = ImageBytes.sizeOption(size);
    }
    return new Media(ImageBytes.contentType(bytes), bytes, null, dims == null ? null : dims[0],
        dims == null ? null : dims[1], null);
  }
}
