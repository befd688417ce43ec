package dev.contentcreator.core.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which addresses media may never be fetched from: anything that is not a public unicast address.
 * Checked on raw bytes, so an IPv4 address hidden inside IPv6 (mapped {@code ::ffff:a.b.c.d},
 * compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) is judged as
 * the IPv4 address it carries.
 */
public final class AddressPolicy {
  private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private AddressPolicy() {}

  /** Why the address is refused, or empty when it is a public unicast address. */
  public static Optional<String> whyRefused(InetAddress address) {
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return whyRefusedV4(b);
    }
    if (address instanceof Inet6Address) {
      return whyRefusedV6(b);
    }
    return Optional.of("an address of an unknown kind");
  }

  /** True for a loopback address, including an IPv4 loopback carried in IPv6. */
  public static boolean isLoopback(InetAddress address) {
    byte[] b = address.getAddress();
    if (b.length == 16) {
      byte[] v4 = embeddedV4(b);
      return v4 != null ? (v4[0] & 0xff) == 127 : address.isLoopbackAddress();
    }
    return (b[0] & 0xff) == 127;
  }

  /** True when the host is written as an IPv4 or IPv6 address rather than a name. */
  static boolean isIpLiteral(String host) {
    return host.indexOf(':') >= 0 || IPV4_LITERAL.matcher(host).matches();
  }

  private static Optional<String> whyRefusedV4(byte[] b) {
    int a0 = b[0] & 0xff;
    int a1 = b[1] & 0xff;
    int a2 = b[2] & 0xff;
    if (a0 == 0) {
      return Optional.of("an unspecified address (0.0.0.0/8)");
    }
    if (a0 == 127) {
      return Optional.of("a loopback address");
    }
    if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
      return Optional.of("a private address");
    }
    if (a0 == 169 && a1 == 254) {
      return Optional.of("a link-local address");
    }
    if (a0 == 100 && (a1 & 0xc0) == 64) {
      return Optional.of("a carrier-grade NAT address (100.64.0.0/10)");
    }
    if (a0 == 192 && a1 == 0 && a2 == 0) {
      return Optional.of("an IETF protocol address (192.0.0.0/24)");
    }
    if (a0 == 198 && (a1 & 0xfe) == 18) {
      return Optional.of("a benchmarking address (198.18.0.0/15)");
    }
    if (a0 >= 224 && a0 <= 239) {
      return Optional.of("a multicast address");
    }
    if (a0 >= 240) {
      return Optional.of("a reserved or broadcast address");
    }
    return Optional.empty();
  }

  private static Optional<String> whyRefusedV6(byte[] b) {
    byte[] v4 = embeddedV4(b);
    if (v4 != null) {
      return whyRefusedV4(v4).map(reason -> reason + " inside an IPv6 address");
    }
    int b0 = b[0] & 0xff;
    int b1 = b[1] & 0xff;
    if (allZero(b, 0, 16)) {
      return Optional.of("the unspecified address (::)");
    }
    if (allZero(b, 0, 15) && b[15] == 1) {
      return Optional.of("a loopback address");
    }
    if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
      return Optional.of("a link-local address");
    }
    if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) {
      return Optional.of("a site-local address");
    }
    if ((b0 & 0xfe) == 0xfc) {
      return Optional.of("a unique-local address (fc00::/7)");
    }
    if (b0 == 0xff) {
      return Optional.of("a multicast address");
    }
    return Optional.empty();
  }

  /** The IPv4 address an IPv6 address carries by one of the well-known embeddings, or null. */
  private static byte[] embeddedV4(byte[] b) {
    boolean mapped = allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    boolean compatible = allZero(b, 0, 12) && !allZero(b, 12, 15);
    boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
        && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12);
    if (mapped || compatible || nat64) {
      return new byte[] {b[12], b[13], b[14], b[15]};
    }
    if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
      return new byte[] {b[2], b[3], b[4], b[5]};
    }
    return null;
  }

  private static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
