package dev.contentcreator.core.http;

import com.google.cloud.functions.HttpRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * The body a route takes: at most {@code maxBytes}, and either JSON in UTF-8 (anything else is a
 * 415) or any type (an upload, a task's payload). A GET, HEAD or DELETE takes none (400). A body
 * over the limit is a 413 whether or not its length was declared; one that ends before its
 * declared length is the client's 400.
 */
record BodyRule(long maxBytes, boolean jsonOnly) {
  BodyRule {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("the body limit must be positive, got: " + maxBytes);
    }
  }

  static BodyRule json(long maxBytes) {
    return new BodyRule(maxBytes, true);
  }

  static BodyRule any(long maxBytes) {
    return new BodyRule(maxBytes, false);
  }

  /** The body of {@code request}, read up to the limit; throws {@link ApiException} by the rules above. */
  byte[] read(HttpRequest request, String method) throws IOException {
    long declared = request.getContentLength();
    if (declared <= 0 && request.getFirstHeader("Transfer-Encoding").isEmpty()) {
      return new byte[0];
    }
    if (method.equals("GET") || method.equals("HEAD") || method.equals("DELETE")) {
      throw ApiException.badRequest("body", method + " requests take no body");
    }
    if (jsonOnly) {
      checkJson(request.getContentType().orElse("").toLowerCase(Locale.ROOT));
    }
    if (declared > maxBytes) {
      throw tooLarge();
    }
    byte[] bytes;
    try (InputStream in = request.getInputStream()) {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    } catch (IOException e) {
      // The client stopped sending before the length it declared: its request, not our fault.
      throw ApiException.badRequest("body", "the body ended before the length the request declared");
    }
    if (bytes.length > maxBytes) {
      throw tooLarge();
    }
    return bytes;
  }

  private static void checkJson(String type) {
    String mediaType = type.split(";", 2)[0].trim();
    if (!(mediaType.equals("application/json") || (mediaType.startsWith("application/") && mediaType.endsWith("+json")))) {
      throw ApiException.of(415, "unsupported-media-type", "Unsupported media type",
          "Send the body as application/json" + (mediaType.isEmpty() ? "." : ", not " + mediaType + "."));
    }
    if (type.contains("charset=") && !type.replace(" ", "").contains("charset=utf-8")) {
      throw ApiException.of(415, "unsupported-media-type", "Unsupported media type", "JSON bodies must be UTF-8.");
    }
  }

  private ApiException tooLarge() {
    return ApiException.of(413, "payload-too-large", "The body is too large",
        "Bodies may be at most " + maxBytes + " bytes here.");
  }
}
