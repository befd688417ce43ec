package dev.contentcreator.core.http;

import java.util.List;
import java.util.Optional;

/**
 * The client's address from {@code X-Forwarded-For}. Every trusted proxy appends the address it
 * saw, so the client is the entry {@code trustedHops} from the end; entries before it are the
 * client's own claims and are ignored.
 */
public final class ClientIp {
  private ClientIp() {}

  public static Optional<String> from(Optional<String> forwardedFor, int trustedHops) {
    if (forwardedFor.isEmpty() || trustedHops == 0) {
      return Optional.empty();
    }
    List<String> hops = java.util.Arrays.stream(forwardedFor.get().split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).toList();
    if (hops.isEmpty()) {
      return Optional.empty();
    }
    int index = Math.max(0, hops.size() - trustedHops);
    String ip = hops.get(index);
    return ip.matches("[0-9A-Fa-f:.\\[\\]]{2,64}") ? Optional.of(ip) : Optional.empty();
  }
}
