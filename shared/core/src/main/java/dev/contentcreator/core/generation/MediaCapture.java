package dev.contentcreator.core.generation;

import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.ContentVersion;
import dev.contentcreator.core.domain.GenerationJob;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.media.MediaService;
import dev.contentcreator.core.net.FetchException;
import dev.contentcreator.core.net.SafeFetcher;
import dev.contentcreator.core.ports.ai.ItemResult;
import dev.contentcreator.core.ports.ai.ProviderException;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Turns what a provider made into the version to store: the text as it came, or the image or
 * video copied into the project's blobs at once (a provider's addresses expire), checked and
 * measured by the media service. The version names the provider and model that made it: the job's
 * own, unless the item fell back to the next provider. A result that cannot be kept fails as a
 * provider failure saying why: no media (worth another try), a file that cannot be fetched, or one
 * the product cannot use.
 */
final class MediaCapture {
  private final Supplier<SafeFetcher> fetcher;
  private final Supplier<MediaService> media;
  private final Clock clock;

  MediaCapture(Supplier<SafeFetcher> fetcher, Supplier<MediaService> media, Clock clock) {
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.media = Objects.requireNonNull(media, "media");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  ContentVersion capture(GenerationJob job, ItemResult result) throws ProviderException {
    String provider = servedBy(job, result);
    String model = servedModel(job, result);
    if (job.kind() == ContentKind.TEXT) {
      return new ContentVersion("", job.projectId(), 0, result.text() == null ? "" : result.text(), null,
          "text/markdown", null, null, null, "generated", job.id(), provider, model, job.requestedBy(),
          clock.instant(), null);
    }
    if (result.media().isEmpty()) {
      throw new ProviderException(ProviderException.Kind.TRANSIENT, job.provider(), "no media in the result",
          job.provider() + " answered without media.", 0, null, null);
    }
    ItemResult.Media m = result.media().get(0);
    byte[] bytes = bytesOf(job, m);
    ContentVersion body;
    try {
      body = media.get().store(job.projectId(), bytes, "generated", job.id(), provider, model,
          job.requestedBy()).body();
    } catch (ApiException e) {
      throw new ProviderException(ProviderException.Kind.PERMANENT, job.provider(), "unusable media: " + e.detail(),
          job.provider() + " made a file we cannot use: " + e.detail(), 0, null, null);
    }
    if (body.durationSeconds() != null || m.durationSeconds() == null) {
      return body;
    }
    // The provider knows a video's length when the file does not say it.
    return new ContentVersion(body.contentId(), body.projectId(), 0, null, body.blobKey(), body.contentType(),
        body.width(), body.height(), m.durationSeconds(), body.source(), body.jobId(), body.provider(), body.model(),
        body.createdBy(), body.createdAt(), body.media());
  }

  /** The provider that made the result: the job's own, or the fallback that served the item. */
  static String servedBy(GenerationJob job, ItemResult result) {
    return result.provider().isBlank() ? job.provider() : result.provider();
  }

  /**
   * The model that made the result: the job's, as the person chose it, when the job's provider made
   * it (a provider may spell its model otherwise), else the fallback's own.
   */
  static String servedModel(GenerationJob job, ItemResult result) {
    return servedBy(job, result).equals(job.provider()) ? job.model() : result.model();
  }

  /** The file's bytes: in hand, or fetched from the provider's address through the safe fetcher. */
  private byte[] bytesOf(GenerationJob job, ItemResult.Media m) throws ProviderException {
    if (m.bytes() != null) {
      return m.bytes();
    }
    try {
      return fetcher.get().fetch(m.url()).bytes();
    } catch (FetchException e) {
      throw e.toProviderException(job.provider());
    }
  }
}
