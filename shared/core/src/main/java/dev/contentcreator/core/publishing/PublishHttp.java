package dev.contentcreator.core.publishing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.contentcreator.core.net.FetchException;
import dev.contentcreator.core.net.RefusedAddressException;
import dev.contentcreator.core.net.SafeFetcher;
import dev.contentcreator.core.net.TooLargeException;
import dev.contentcreator.core.net.UpstreamException;
import dev.contentcreator.core.ports.Publisher.PublishException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The calls connectors make, through the {@link SafeFetcher} (every address checked and pinned at
 * each call), with what went wrong turned into a {@link PublishException} a person can read:
 * no answer in time, no connection and 5xx or 429 answers may be tried again; a refused address,
 * a refused password and other 4xx answers may not.
 */
final class PublishHttp {
  static final String USER_AGENT = "content-creator-publishing/1";
  private final Supplier<SafeFetcher> fetcher;

  PublishHttp(Supplier<SafeFetcher> fetcher) {
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
  }

  /** One call to {@code service} (its name, for reasons); any status is answered. */
  SafeFetcher.Reply call(String service, String method, String url, Map<String, String> headers, byte[] body)
      throws PublishException {
    try {
      return fetcher.get().send(method, url, headers, body, USER_AGENT, Set.of("content-type", "location"));
    } catch (RefusedAddressException e) {
      throw new PublishException("The address of this connection is not allowed: " + e.reason() + ".", false, 0);
    } catch (TooLargeException e) {
      throw new PublishException(service + " gave an answer too large to read.", false, 0);
    } catch (UpstreamException e) {
      throw switch (e.reason()) {
        case TIMEOUT -> new PublishException(service + " did not answer in time.", true, 0);
        case UNREACHABLE -> new PublishException("Could not connect to " + service + ".", true, 0);
        default -> new PublishException(service + " gave a broken answer.", true, 0);
      };
    } catch (FetchException e) {
      throw new PublishException(service + " could not be reached.", true, 0);
    }
  }

  /** The JSON of an answer, or a retryable failure when it is not JSON. */
  static JsonElement json(String service, SafeFetcher.Reply reply) throws PublishException {
    try {
      return JsonParser.parseString(new String(reply.body(), StandardCharsets.UTF_8));
    } catch (JsonParseException e) {
      throw new PublishException(service + " answered " + reply.status() + " with something other than JSON.", true,
          reply.status());
    }
  }

  /** The answer's JSON object, or a failure when it is something else. */
  static JsonObject object(String service, SafeFetcher.Reply reply) throws PublishException {
    JsonElement e = json(service, reply);
    if (!e.isJsonObject()) {
      throw new PublishException(service + " answered " + reply.status() + " with JSON of an unexpected shape.", true,
          reply.status());
    }
    return e.getAsJsonObject();
  }

  static boolean ok(SafeFetcher.Reply reply) {
    return reply.status() >= 200 && reply.status() <= 299;
  }

  /**
   * The failure a non-2xx answer means, in words: {@code credentials} names what a 401 refused
   * ("the application password"); the service's own message (a JSON {@code message} or
   * {@code error}) is added when it gave one, cut short.
   */
  static PublishException refused(String service, String doing, String credentials, SafeFetcher.Reply reply) {
    int status = reply.status();
    String said = said(reply);
    String tail = said == null ? "" : ": " + said;
    if (status == 401) {
      return new PublishException(service + " refused " + credentials + " (401)" + tail, false, status);
    }
    if (status == 403) {
      return new PublishException(service + " does not let this account " + doing + " (403)" + tail, false, status);
    }
    if (status == 429) {
      return new PublishException(service + " asked to slow down (429) while " + verb(doing) + ".", true, status);
    }
    if (status >= 500) {
      return new PublishException(service + " failed (" + status + ") while " + verb(doing) + tail, true, status);
    }
    return new PublishException(service + " refused to " + doing + " (" + status + ")" + tail, false, status);
  }

  private static String verb(String doing) {
    return "asked to " + doing;
  }

  /** The service's own words from a JSON error body, at most 200 characters, or null. */
  static String said(SafeFetcher.Reply reply) {
    try {
      JsonElement e = JsonParser.parseString(new String(reply.body(), StandardCharsets.UTF_8));
      if (e.isJsonObject()) {
        for (String field : new String[] {"message", "error"}) {
          JsonElement m = e.getAsJsonObject().get(field);
          if (m != null && m.isJsonPrimitive()) {
            String s = m.getAsString().replaceAll("<[^>]*>", "").replaceAll("\\s+", " ").strip();
            return s.isEmpty() ? null : s.length() > 200 ? s.substring(0, 200) + "…" : s;
          }
        }
      }
    } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
      // not JSON: nothing to add
    }
    return null;
  }

  /** The base address without trailing slashes. */
  static String base(String siteUrl) {
    String s = siteUrl.strip();
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  static String string(JsonObject o, String field) {
    JsonElement e = o.get(field);
    return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? null : e.getAsString();
  }
}
