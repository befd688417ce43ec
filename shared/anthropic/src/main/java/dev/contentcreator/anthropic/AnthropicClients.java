package dev.contentcreator.anthropic;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import java.util.function.Function;

/**
 * Builds anthropic-java's okhttp client from the settings, with no retries of its own: the caller's
 * Failsafe policies own them. A class rather than a method reference, whose linking would load the
 * SDK before the first call.
 */
final class AnthropicClients implements Function<AnthropicSettings, AnthropicClient> {
  static final AnthropicClients INSTANCE = new AnthropicClients();

  private AnthropicClients() {}

  @Override
  public AnthropicClient apply(AnthropicSettings settings) {
    AnthropicOkHttpClient.Builder builder = AnthropicOkHttpClient.builder()
        .apiKey(settings.apiKey())
        .timeout(settings.timeout())
        .maxRetries(0);
    settings.baseUrl().ifPresent(builder::baseUrl);
    return builder.build();
  }
}
