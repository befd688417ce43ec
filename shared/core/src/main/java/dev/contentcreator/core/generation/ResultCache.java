package dev.contentcreator.core.generation;

import com.google.gson.JsonParser;
import dev.contentcreator.core.domain.ContentVersion;
import dev.contentcreator.core.domain.GenerationItem;
import dev.contentcreator.core.domain.GenerationJob;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.ports.BlobStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What earlier items made, kept for a while per project so an identical request is served without
 * a provider call: the text, or the stored media itself (media is stored once per content hash, so
 * the new content item shares the file). A project is only ever served what it made itself.
 */
final class ResultCache {
  private final LenientCache cache;
  private final Supplier<BlobStore> blobs;
  private final Duration ttl;
  private final Clock clock;

  ResultCache(LenientCache cache, Supplier<BlobStore> blobs, Duration ttl, Clock clock) {
    this.cache = Objects.requireNonNull(cache, "cache");
    this.blobs = Objects.requireNonNull(blobs, "blobs");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The cache key of an item: the project's own, so one project is never served what another made
   * (a tenant who guesses another's prompt would otherwise receive its output).
   */
  static String key(GenerationJob job, GenerationItem item) {
    return "gen:" + job.projectId() + ":" + GenerationService.hash(Json.GSON.toJson(List.of(job.kind().name(),
        job.provider(), job.model(), Jobs.promptOf(job, item), job.systemPrompt() == null ? "" : job.systemPrompt(),
        new TreeMap<>(job.options())))) + ":" + item.index();
  }

  /**
   * The version to store for the item, made from a hit for this project whose media (if any) is
   * still there; empty on a miss, an unreadable entry or media that is gone.
   */
  Optional<ContentVersion> find(GenerationJob job, GenerationItem item) {
    return cache.get(key(job, item)).flatMap(ResultCache::read).filter(hit -> usable(job, hit))
        .map(hit -> new ContentVersion("", job.projectId(), 0, hit.text(), hit.blobKey(), hit.contentType(),
            hit.width(), hit.height(), hit.durationSeconds(), "generated", job.id(), hit.provider(), hit.model(),
            job.requestedBy(), clock.instant(), hit.media()));
  }

  /** Keeps what the item made, for the next identical request of the project. */
  void store(GenerationJob job, GenerationItem item, ContentVersion made) {
    cache.put(key(job, item), Json.GSON.toJson(made).getBytes(StandardCharsets.UTF_8), ttl);
  }

  private static Optional<ContentVersion> read(byte[] entry) {
    try {
      return Optional.of(Json.fromTree(JsonParser.parseString(new String(entry, StandardCharsets.UTF_8)),
          ContentVersion.class));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Defence in depth beside the key: a hit must be this project's, media and all, and still stored. */
  private boolean usable(GenerationJob job, ContentVersion hit) {
    if (!job.projectId().equals(hit.projectId())) {
      return false;
    }
    if (hit.blobKey() == null) {
      return true;
    }
    try {
      return hit.blobKey().startsWith("projects/" + job.projectId() + "/") && blobs.get().stat(hit.blobKey()).isPresent();
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
