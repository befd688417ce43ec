package dev.contentcreator.core.http;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The client's address from {@code X-Forwarded-For}. Every trusted proxy appends the address it
 * saw, so the client is the entry {@code trustedHops} from the end; entries before it are the
 * client's own claims and are ignored. How many proxies append depends on the path a request
 * takes (docs/architecture.md, "Hardening: the edge"): Google's front end of a function appends
 * one; Firebase Hosting's CDN and API Gateway each add one more before it.
 */
public final class ClientIp {
  private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.\\[\\]]{2,64}");

  private ClientIp() {}

  public static Optional<String> from(Optional<String> forwardedFor, int trustedHops) {
    if (trustedHops == 0 || forwardedFor.isEmpty()) {
      return Optional.empty();
    }
    return fromEnd(forwardedFor.get(), trustedHops);
  }

  /**
   * The address the last trusted proxy (the function's own front end) saw: the caller itself on a
   * direct call, a CDN or gateway node otherwise. Empty when it is the client already (one hop).
   */
  public static Optional<String> nearestPeer(Optional<String> forwardedFor, int trustedHops) {
    if (trustedHops < 2) {
      return Optional.empty();
    }
    return forwardedFor.isEmpty() ? Optional.empty() : fromEnd(forwardedFor.get(), 1);
  }

  /**
   * The entry {@code n} from the end of a comma-separated list, blank entries not counted, or the
   * first entry when there are fewer; empty when there is none or it is not an address. Walks back
   * from the end, so a client's long list of claims costs nothing.
   */
  private static Optional<String> fromEnd(String header, int n) {
    String last = null;
    int end = header.length();
    for (int i = header.length() - 1; i >= -1; i--) {
      if (i >= 0 && header.charAt(i) != ',') {
        continue;
      }
      String entry = header.substring(i + 1, end).trim();
      end = i;
      if (!entry.isEmpty()) {
        last = entry;
        if (--n == 0) {
          break;
        }
      }
    }
    return last != null && ADDRESS.matcher(last).matches() ? Optional.of(last) : Optional.empty();
  }
}
