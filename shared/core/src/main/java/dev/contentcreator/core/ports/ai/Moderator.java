package dev.contentcreator.core.ports.ai;

import java.util.List;

/** Checks a prompt before it is sent (OpenAI's moderation endpoint). */
public interface Moderator {

  Verdict check(String text) throws ProviderException;

  /** Whether the text is flagged, and the categories that flagged it. */
  record Verdict(boolean flagged, List<String> categories) {}
}
