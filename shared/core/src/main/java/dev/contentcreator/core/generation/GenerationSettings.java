package dev.contentcreator.core.generation;

import dev.contentcreator.core.config.Config;
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
        c.getInt("GENERATION_MAX_ITEMS", 100),
        c.getInt("GENERATION_MAX_PROMPT", 4000),
        c.getInt("GENERATION_MAX_OUTPUT_TOKENS", 4096),
        c.getInt("GENERATION_MAX_ATTEMPTS", 8),
        c.getDuration("GENERATION_MIN_BACKOFF", Duration.ofSeconds(1)),
        c.getDuration("GENERATION_MAX_BACKOFF", Duration.ofSeconds(60)),
        c.getInt("GENERATION_CONCURRENCY", 32),
        c.getDuration("GENERATION_POLL_INTERVAL", Duration.ofSeconds(10)),
        c.getDuration("GENERATION_ASYNC_DEADLINE", Duration.ofMinutes(20)),
        c.getDuration("GENERATION_CACHE_TTL", Duration.ofDays(7)),
        c.getBoolean("MODERATION", true),
        c.find("PUBLIC_BASE_URL").map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u).orElse(null),
        c.find("GOAPI_WEBHOOK_SECRET").orElse(null),
        c.getDuration("GENERATION_ITEM_LEASE", Duration.ofSeconds(60)));
  }
}
