package dev.contentcreator.core.contents;

import dev.contentcreator.core.domain.ContentVersion;
import dev.contentcreator.core.json.Inline;
import dev.contentcreator.core.json.OmitNulls;
import dev.contentcreator.core.json.WriteNulls;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A version as the API shows it ({@code ContentVersion} in docs/openapi.yaml): the address of its
 * media (and of each rendition) instead of storage keys, and what a page needs to lay the media out
 * before it loads, and for a text what the project's brand rules found in it ({@code findings}, empty when
 * nothing) and the passages of brand knowledge its generation was given ({@code knowledge}, empty when none). Absent fields are left out; the media's facts come together or not at all.
 */
@OmitNulls
public record VersionView(String contentId, String projectId, int number, String text, String contentType,
    Integer width, Integer height, Double durationSeconds, String source, String jobId, String provider, String model,
    String createdBy, Instant createdAt, String mediaUrl, @Inline Media media,
    java.util.List<dev.contentcreator.core.brand.Finding> findings,
    java.util.List<dev.contentcreator.core.domain.KnowledgeSource> knowledge) {

  /** What processing found out about stored media; a colour or BlurHash it could not make is null. */
  @WriteNulls
  public record Media(Map<String, String> renditions, String sha256, long byteSize, String dominantColor,
      String blurHash) {}

  static VersionView of(String projectId, ContentVersion v) {
    String url = v.blobKey() == null ? null
        : "/api/projects/" + projectId + "/contents/" + v.contentId() + "/media?version=" + v.number();
    Media media = null;
    if (url != null && v.media() != null) {
      Map<String, String> renditions = new LinkedHashMap<>();
      v.media().renditions().keySet().stream().sorted().forEach(name -> renditions.put(name, url + "&rendition=" + name));
      media = new Media(renditions, v.media().sha256(), v.media().byteSize(), v.media().dominantColor(),
          v.media().blurHash());
    }
    return new VersionView(v.contentId(), v.projectId(), v.number(), v.text(), v.contentType(), v.width(), v.height(),
        v.durationSeconds(), v.source(), v.jobId(), v.provider(), v.model(), v.createdBy(), v.createdAt(), url, media,
        v.text() != null ? v.findings() : null, v.text() != null ? v.knowledge() : null);
  }
}
