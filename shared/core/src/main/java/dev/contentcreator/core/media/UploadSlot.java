package dev.contentcreator.core.media;

import dev.contentcreator.core.json.OmitNulls;
import dev.contentcreator.core.json.WriteNulls;
import java.time.Instant;
import java.util.Map;

/**
 * Where and how a client sends a file's bytes, and where it follows the upload
 * ({@code UploadSlot} in docs/openapi.yaml): {@code status} is {@code pending} for a signed address
 * (which expires at {@code expiresAt}), {@code direct} for this API's own upload route. The title
 * is always given, null when none was asked for; other absent fields are left out.
 */
@OmitNulls
public record UploadSlot(String id, String projectId, @WriteNulls String title, String status, Instant createdAt,
    String method, String uploadUrl, Map<String, String> headers, Instant expiresAt, String statusUrl) {}
