package dev.contentcreator.core.shares;

import dev.contentcreator.core.json.Inline;
import dev.contentcreator.core.json.OmitNulls;

/**
 * The answer to making a link: the link, its secret {@code token} and {@code path}, the web app's
 * page for it ({@code /s/<token>}). Shown this once; only the secret's hash is kept.
 */
@OmitNulls
public record IssuedShare(@Inline ShareView share, String token, String path) {
  static IssuedShare of(ShareView share, String token) {
    return new IssuedShare(share, token, "/s/" + token);
  }
}
