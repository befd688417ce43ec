package dev.contentcreator.core.brand;

import dev.contentcreator.core.domain.BrandVoice;
import java.time.Instant;

/**
 * One of a project's brand kits: a name, and a voice with its rules and image style preset. One
 * kit of a project is its default ({@code isDefault}): the one a job gets when it names none, and
 * the one the project's {@code brandVoice} mirrors, so everything that reads the project's voice
 * reads the default kit. Stored as {@code brandkits/<id>}.
 */
public record BrandKit(String id, String projectId, String name, boolean isDefault, BrandVoice voice, long version,
    String createdBy, Instant createdAt, Instant updatedAt) {

  public BrandKit {
    voice = voice == null ? BrandVoice.EMPTY : voice;
  }

  BrandKit with(String newName, BrandVoice newVoice, boolean nowDefault, Instant now) {
    return new BrandKit(id, projectId, newName, nowDefault, newVoice, version + 1, createdBy, createdAt, now);
  }
}
