package dev.contentcreator.core.generation;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.Settings;
import java.time.Duration;

/**
 * Settings of generation, from configuration; the README lists them with their defaults.
 */
public record GenerationSettings(
    int maxItemsPerJob,
    int maxPromptLength,
    int maxOutputTokens,
    int itemMaxAttempts,
    Duration itemMinBackoff,
    Duration itemMaxBackoff,
    int itemMaxConcurrent,
    Duration pollInterval,
    Duration asyncDeadline,
    Duration cacheTtl,
    boolean moderation,
    String publicBaseUrl,
    String webhookSecret,
    Duration itemLease) {

  public static final String TOPIC = "generation-requests";
  public static final String QUEUE = "generation";
  public static final String POLL_QUEUE = "generation-poll";
  public static final String GENERATE_HANDLER = "generate-item";
  public static final String POLL_HANDLER = "poll-item";

  public static GenerationSettings from(Config c) {
    return new GenerationSettings(
        c.get(Settings.GENERATION_MAX_ITEMS),
        c.get(Settings.GENERATION_MAX_PROMPT),
        c.get(Settings.GENERATION_MAX_OUTPUT_TOKENS),
        c.get(Settings.GENERATION_MAX_ATTEMPTS),
        c.get(Settings.GENERATION_MIN_BACKOFF),
        c.get(Settings.GENERATION_MAX_BACKOFF),
        c.get(Settings.GENERATION_CONCURRENCY),
        c.get(Settings.GENERATION_POLL_INTERVAL),
        c.get(Settings.GENERATION_ASYNC_DEADLINE),
        c.get(Settings.GENERATION_CACHE_TTL),
        c.get(Settings.MODERATION),
        c.find(Settings.PUBLIC_BASE_URL).map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u).orElse(null),
        c.find(Settings.GOAPI_WEBHOOK_SECRET).orElse(null),
        c.get(Settings.GENERATION_ITEM_LEASE));
  }
}
