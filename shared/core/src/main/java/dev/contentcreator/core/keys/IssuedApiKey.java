package dev.contentcreator.core.keys;

import dev.contentcreator.core.json.Inline;
import dev.contentcreator.core.json.OmitNulls;

/** The answer to making a key: the key and its whole {@code secret}, shown this once. */
@OmitNulls
public record IssuedApiKey(@Inline ApiKeyView key, String secret) {}
