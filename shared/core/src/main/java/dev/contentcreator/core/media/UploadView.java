package dev.contentcreator.core.media;

import dev.contentcreator.core.json.OmitNulls;
import dev.contentcreator.core.json.WriteNulls;
import java.time.Instant;

/**
 * An upload's state as the API shows it ({@code Upload} in docs/openapi.yaml): {@code pending} or
 * {@code direct} until its bytes arrive, {@code processing} while they are, then {@code done} with
 * its {@code contentId} or {@code failed} with a {@code failureReason}. Never who uploaded it. The
 * title is always given, null when none was asked for; other absent fields are left out.
 */
@OmitNulls
public record UploadView(String id, String projectId, @WriteNulls String title, String status, Instant createdAt,
    Instant claimedAt, String failureReason, String contentId) {}
