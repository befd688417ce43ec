package dev.contentcreator.gemini;

import com.google.genai.Client;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import java.util.function.Function;

/**
 * Builds google-genai's client from the settings: the Gemini Developer API with an API key, one
 * attempt per call (the caller's Failsafe policies own retries), the timeout in milliseconds. A
 * class rather than a method reference, whose linking would load the SDK before the first call.
 */
final class GeminiClients implements Function<GeminiSettings, Client> {
  static final GeminiClients INSTANCE = new GeminiClients();

  private GeminiClients() {}

  @Override
  public Client apply(GeminiSettings settings) {
    HttpOptions.Builder http = HttpOptions.builder()
        // The version whose wire format this adapter is tested against.
        .apiVersion("v1beta")
        .timeout((int) settings.timeout().toMillis())
        .retryOptions(HttpRetryOptions.builder().attempts(1));
    settings.baseUrl().ifPresent(http::baseUrl);
    return Client.builder().apiKey(settings.apiKey()).vertexAI(false).httpOptions(http.build()).build();
  }
}
