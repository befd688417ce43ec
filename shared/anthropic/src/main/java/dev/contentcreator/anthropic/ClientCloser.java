package dev.contentcreator.anthropic;

import com.anthropic.client.AnthropicClient;
import java.util.function.Consumer;

/**
 * Closes Anthropic's client for the shared {@code LazyClient}: an object rather than a lambda, so
 * making a lazy client loads none of the SDK's classes before its first call.
 */
enum ClientCloser implements Consumer<AnthropicClient> {
  INSTANCE;

  @Override
  public void accept(AnthropicClient client) {
    client.close();
  }
}
