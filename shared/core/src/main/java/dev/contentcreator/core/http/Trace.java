package dev.contentcreator.core.http;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The trace and span a request belongs to, from W3C {@code traceparent} or {@code X-Cloud-Trace-Context}. */
public record Trace(String traceId, String spanId) {
  private static final Pattern TRACEPARENT = Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$");
  private static final Pattern ZEROS = Pattern.compile("0+");
  private static final Pattern CLOUD = Pattern.compile("^([0-9a-fA-F]{32})(?:/(\\d{1,20}))?(?:;o=\\d)?$");

  public static Optional<Trace> from(Optional<String> traceparent, Optional<String> cloudTraceContext) {
    if (traceparent.isPresent()) {
      Matcher m = TRACEPARENT.matcher(traceparent.get().trim());
      if (m.matches() && !ZEROS.matcher(m.group(1)).matches()) {
        return Optional.of(new Trace(m.group(1), m.group(2)));
      }
    }
    if (cloudTraceContext.isPresent()) {
      Matcher m = CLOUD.matcher(cloudTraceContext.get().trim());
      if (m.matches()) {
        String span = m.group(2) == null ? null : String.format("%016x", Long.parseUnsignedLong(m.group(2)));
        return Optional.of(new Trace(m.group(1).toLowerCase(java.util.Locale.ROOT), span));
      }
    }
    return Optional.empty();
  }
}
