package dev.contentcreator.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import java.util.function.Function;

/**
 * Builds openai-java's okhttp client from the settings, with no retries of its own. A class
 * rather than a method reference, whose linking would load openai-java before the first call.
 */
final class OkHttpClients implements Function<OpenAiSettings, OpenAIClient> {
  static final OkHttpClients INSTANCE = new OkHttpClients();

  private OkHttpClients() {}

  @Override
  public OpenAIClient apply(OpenAiSettings settings) {
    return create(settings);
  }

  static OpenAIClient create(OpenAiSettings settings) {
    OpenAIOkHttpClient.Builder builder = OpenAIOkHttpClient.builder()
        .apiKey(settings.apiKey())
        .timeout(settings.timeout())
        // The caller's Failsafe policies own retries; retrying here too would multiply them.
        .maxRetries(0);
    if (settings.baseUrl().isPresent()) {
      builder.baseUrl(settings.baseUrl().get());
    }
    return builder.build();
  }
}
