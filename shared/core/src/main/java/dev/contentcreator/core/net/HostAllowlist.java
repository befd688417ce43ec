package dev.contentcreator.core.net;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The hosts media may be fetched from: exact names ({@code img.theapi.app}) and wildcards
 * ({@code *.example.com}, which matches any name ending in {@code .example.com} but not
 * {@code example.com} itself). Names compare without case and without a trailing dot.
 */
public final class HostAllowlist {
  /**
   * Where the providers serve their outputs, as seen in their answers. Needs review whenever a
   * provider changes its CDN: GoAPI (Midjourney, Flux, Kling) serves from {@code img.theapi.app}
   * and {@code storage.theapi.app}; OpenAI image URLs (DALL-E) point at
   * {@code oaidalleapiprodscus.blob.core.windows.net}.
   */
  public static final String DEFAULT =
      "img.theapi.app,storage.theapi.app,oaidalleapiprodscus.blob.core.windows.net";

  private static final Pattern NAME =
      Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

  private final Set<String> exact;
  private final List<String> suffixes;
  private final boolean anyHost;

  private HostAllowlist(Set<String> exact, List<String> suffixes, boolean anyHost) {
    this.exact = Set.copyOf(exact);
    this.suffixes = List.copyOf(suffixes);
    this.anyHost = anyHost;
  }

  /**
   * Every host name: for addresses a person types for their own use (an outbound webhook), where
   * only the address checks of {@link AddressPolicy} and the metadata names hold.
   */
  public static HostAllowlist anyHost() {
    return new HostAllowlist(Set.of(), List.of(), true);
  }

  /**
   * Reads a comma-separated list such as {@code img.theapi.app, *.example.com}.
   *
   * @throws IllegalArgumentException naming the first entry that is not a host name or a wildcard
   */
  public static HostAllowlist parse(String commaSeparated) {
    Objects.requireNonNull(commaSeparated, "commaSeparated");
    Set<String> exact = new LinkedHashSet<>();
    List<String> suffixes = new ArrayList<>();
    for (String raw : commaSeparated.split(",")) {
      String entry = normalise(raw.trim());
      if (entry.isEmpty()) {
        continue;
      }
      boolean wildcard = entry.startsWith("*.");
      String name = wildcard ? entry.substring(2) : entry;
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("allowlist entry is not a host name or *.suffix: " + raw.trim());
      }
      if (wildcard && name.indexOf('.') < 0) {
        throw new IllegalArgumentException("allowlist wildcard must cover a domain, not a top-level name: "
            + raw.trim());
      }
      if (wildcard) {
        suffixes.add("." + name);
      } else {
        exact.add(name);
      }
    }
    return new HostAllowlist(exact, suffixes, false);
  }

  public boolean allows(String host) {
    String name = normalise(Objects.requireNonNull(host, "host"));
    if (name.isEmpty()) {
      return false;
    }
    if (anyHost) {
      return true;
    }
    if (exact.contains(name)) {
      return true;
    }
    for (String suffix : suffixes) {
      if (name.length() > suffix.length() && name.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  public boolean isEmpty() {
    return !anyHost && exact.isEmpty() && suffixes.isEmpty();
  }

  /** The entries, as they would be written back. */
  @Override
  public String toString() {
    if (anyHost) {
      return "*";
    }
    List<String> all = new ArrayList<>(exact);
    suffixes.forEach(s -> all.add("*" + s));
    return String.join(",", all);
  }

  static String normalise(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }
}
