package dev.contentcreator.openai;

import com.openai.client.OpenAIClient;
import java.util.function.Consumer;

/**
 * Closes OpenAI's client for the shared {@code LazyClient}: an object rather than a lambda, so
 * making a lazy client loads none of the SDK's classes before its first call.
 */
enum ClientCloser implements Consumer<OpenAIClient> {
  INSTANCE;

  @Override
  public void accept(OpenAIClient client) {
    client.close();
  }
}
