package dev.contentcreator.core.http;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The client's address from {@code X-Forwarded-For}. Every trusted proxy appends the address it
 * saw, so the client is the entry {@code trustedHops} from the end; entries before it are the
 * client's own claims and are ignored. How many proxies append depends on the path a request
 * takes (docs/architecture.md, "Hardening: the edge"): Google's front end of a function appends
 * one; Firebase Hosting's CDN and API Gateway each add one more before it.
 */
public final class ClientIp {
  private ClientIp() {}

  public static Optional<String> from(Optional<String> forwardedFor, int trustedHops) {
    if (trustedHops == 0) {
      return Optional.empty();
    }
    List<String> hops = entries(forwardedFor);
    if (hops.isEmpty()) {
      return Optional.empty();
    }
    return valid(hops.get(Math.max(0, hops.size() - trustedHops)));
  }

  /**
   * The address the last trusted proxy (the function's own front end) saw: the caller itself on a
   * direct call, a CDN or gateway node otherwise. Empty when it is the client already (one hop).
   */
  public static Optional<String> nearestPeer(Optional<String> forwardedFor, int trustedHops) {
    if (trustedHops < 2) {
      return Optional.empty();
    }
    List<String> hops = entries(forwardedFor);
    return hops.isEmpty() ? Optional.empty() : valid(hops.get(hops.size() - 1));
  }

  private static List<String> entries(Optional<String> forwardedFor) {
    if (forwardedFor.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(forwardedFor.get().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static Optional<String> valid(String ip) {
    return ip.matches("[0-9A-Fa-f:.\\[\\]]{2,64}") ? Optional.of(ip) : Optional.empty();
  }
}
