package dev.contentcreator.embeddings;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.platform.PortFactory;
import dev.contentcreator.core.ports.Embedder;

/** Makes the {@code offline} embedder ({@code EMBEDDER=offline}, the default); its model loads on first use. */
public final class OfflineEmbedderFactory implements PortFactory<Embedder> {
  @Override
  public Class<Embedder> port() {
    return Embedder.class;
  }

  @Override
  public String name() {
    return "offline";
  }

  @Override
  public Embedder create(Config config) {
    return new OfflineEmbedder();
  }
}
