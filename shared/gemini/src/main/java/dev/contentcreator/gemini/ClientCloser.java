package dev.contentcreator.gemini;

import com.google.genai.Client;
import java.util.function.Consumer;

/**
 * Closes Gemini's client for the shared {@code LazyClient}: an object rather than a lambda, so
 * making a lazy client loads none of the SDK's classes before its first call.
 */
enum ClientCloser implements Consumer<Client> {
  INSTANCE;

  @Override
  public void accept(Client client) {
    client.close();
  }
}
