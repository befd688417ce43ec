package dev.contentcreator.core.generation;

import java.util.Optional;

/** A project's own API key for a provider, brought by its owner and used before the server's. */
@FunctionalInterface
public interface ProjectKeys {
  /** No project has a key of its own. */
  ProjectKeys NONE = (projectId, provider) -> Optional.empty();

  Optional<String> find(String projectId, String provider);
}
