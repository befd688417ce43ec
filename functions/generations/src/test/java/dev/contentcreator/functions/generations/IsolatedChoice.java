package dev.contentcreator.functions.generations;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.generation.Providers;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Run inside a {@code RecordingClassLoader}: the providers chosen for text and for an image. */
public final class IsolatedChoice {
  private IsolatedChoice() {}

  public static List<String> run(Map<String, String> settings) {
    Providers providers = Providers.load(Config.of(settings));
    return List.of(
        providers.choose(ContentKind.TEXT, Optional.empty(), Optional.empty()).provider(),
        providers.choose(ContentKind.IMAGE, Optional.empty(), Optional.empty()).provider());
  }
}
