package dev.contentcreator.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;

/** Builds openai-java's okhttp client from the settings, with no retries of its own. */
final class OkHttpClients {
  private OkHttpClients() {}

  static OpenAIClient create(OpenAiSettings settings) {
    OpenAIOkHttpClient.Builder builder = OpenAIOkHttpClient.builder()
        .apiKey(settings.apiKey())
        .timeout(settings.timeout())
        // The caller's Failsafe policies own retries; retrying here too would multiply them.
        .maxRetries(0);
    settings.baseUrl().ifPresent(builder::baseUrl);
    return builder.build();
  }
}
