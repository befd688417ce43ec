package dev.contentcreator.openai;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.Settings;
import dev.contentcreator.core.platform.PortFactory;
import dev.contentcreator.core.ports.Embedder;

/** Makes the {@code openai} embedder ({@code EMBEDDER=openai}); it needs {@code OPENAI_API_KEY}. */
public final class OpenAiEmbedderFactory implements PortFactory<Embedder> {
  @Override
  public Class<Embedder> port() {
    return Embedder.class;
  }

  @Override
  public String name() {
    return "openai";
  }

  @Override
  public Embedder create(Config config) {
    OpenAiServices services = OpenAiServices.fromConfig(config)
        .orElseThrow(() -> new IllegalStateException("EMBEDDER=openai needs OPENAI_API_KEY"));
    return services.embedder(config.get(Settings.OPENAI_EMBEDDING_MODEL), config.get(Settings.EMBEDDING_DIMENSIONS));
  }
}
