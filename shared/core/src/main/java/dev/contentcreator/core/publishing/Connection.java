package dev.contentcreator.core.publishing;

import java.time.Instant;

/**
 * A project's way to publish somewhere ({@code publishconnections}): the channel, a name people
 * know it by, the site or receiver address, a user name where the channel has one, and the last
 * four characters of its secret. The secret itself is in the secrets port under
 * {@link PublishingService#secretName(String)}, never in this document.
 */
public record Connection(String id, String projectId, String channel, String name, String siteUrl, String username,
    String secretLast4, String lastTestResult, Instant lastTestedAt, String createdBy, Instant createdAt,
    Instant updatedAt) {

  Connection tested(String result, Instant now) {
    return new Connection(id, projectId, channel, name, siteUrl, username, secretLast4, result, now, createdBy,
        createdAt, now);
  }
}
