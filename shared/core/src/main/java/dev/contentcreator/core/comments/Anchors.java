package dev.contentcreator.core.comments;

import dev.contentcreator.core.domain.Anchor;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.JsonBody;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading, checking and moving anchors. A text anchor is checked against the text of the version
 * it is written on (the quote must be exactly the text at its offsets); read against another
 * version, it is found again by its quote ({@link #relocate}).
 */
public final class Anchors {
  public static final int MAX_QUOTE = 2_000;

  private Anchors() {}

  /** The anchor of a request body ({@code null} or absent: none); 400 for a malformed one. */
  public static Optional<Anchor> parse(JsonBody body) {
    Optional<JsonElement> e = body.element("anchor");
    if (e.isEmpty()) {
      return Optional.empty();
    }
    if (!e.get().isJsonObject()) {
      body.reject("anchor", "must be an object: {\"type\": \"text\", ...} or {\"type\": \"point\", ...}");
      return Optional.empty();
    }
    JsonBody a = JsonBody.of(e.get().getAsJsonObject());
    String type = a.requiredString("type", 1, 10);
    Optional<Anchor> out = Optional.empty();
    if (Anchor.TEXT.equals(type)) {
      JsonObject o = e.get().getAsJsonObject();
      String quote = o.has("quote") && o.get("quote").isJsonPrimitive() && o.get("quote").getAsJsonPrimitive().isString()
          ? o.get("quote").getAsString() : null;
      a.has("quote");
      if (quote == null || quote.isEmpty() || quote.length() > MAX_QUOTE || JsonBody.hasControl(quote)) {
        a.reject("quote", "must be the selected text, 1 to " + MAX_QUOTE + " characters");
      }
      int start = a.integer("start", -1, 0, Integer.MAX_VALUE);
      int end = a.integer("end", -1, 0, Integer.MAX_VALUE);
      if (!o.has("start") || !o.has("end")) {
        a.reject("start", "and end are required: the quote's offsets in the version's text");
      } else if (quote != null && end - start != quote.length()) {
        a.reject("end", "must be start plus the quote's length");
      }
      out = Optional.of(Anchor.text(quote, start, end));
    } else if (Anchor.POINT.equals(type)) {
      Double x = fraction(a, "x");
      Double y = fraction(a, "y");
      out = Optional.of(Anchor.point(x == null ? 0 : x, y == null ? 0 : y));
    } else if (type != null) {
      a.reject("type", "must be text or point");
    }
    try {
      a.finish();
    } catch (ApiException bad) {
      body.reject("anchor", bad.detail());
    }
    return out;
  }

  private static Double fraction(JsonBody a, String field) {
    Optional<JsonElement> v = a.element(field);
    if (v.isEmpty() || !v.get().isJsonPrimitive() || !v.get().getAsJsonPrimitive().isNumber()
        || !(v.get().getAsDouble() >= 0 && v.get().getAsDouble() <= 1)) {
      a.reject(field, "is required: a number from 0 to 1");
      return null;
    }
    return v.get().getAsDouble();
  }

  /**
   * Checks a well-formed anchor against the item and the version it is written on: text anchors on
   * texts only, with the quote at its offsets; points on images only. 422 otherwise.
   */
  static void check(Anchor anchor, ContentKind kind, String versionText) {
    if (anchor.isText()) {
      if (kind != ContentKind.TEXT || versionText == null) {
        throw ApiException.unprocessable("anchor", "a passage of text can be marked on a text only");
      }
      if (anchor.end() > versionText.length()
          || !versionText.substring(anchor.start(), anchor.end()).equals(anchor.quote())) {
        throw ApiException.unprocessable("anchor", "the quote is not the text at start..end in this version");
      }
    } else if (kind != ContentKind.IMAGE) {
      throw ApiException.unprocessable("anchor", "a point can be marked on an image only");
    }
  }

  /**
   * The anchor as it falls in {@code text}, another version's text: unchanged when the quote is
   * still at its offsets; else at the occurrence of the quote nearest the old start (the earlier
   * of two as near); else at the nearest match that differs only in white space; else detached,
   * without offsets. Point anchors and anchors read on their own version pass unchanged.
   */
  public static Anchor relocate(Anchor anchor, String text) {
    if (anchor == null || !anchor.isText() || text == null) {
      return anchor;
    }
    String quote = anchor.quote();
    int start = anchor.start();
    if (start + quote.length() <= text.length() && text.startsWith(quote, start)) {
      return anchor;
    }
    int best = -1;
    for (int at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
      if (best < 0 || Math.abs(at - start) < Math.abs(best - start)) {
        best = at;
      }
    }
    if (best >= 0) {
      return Anchor.text(quote, best, best + quote.length());
    }
    String[] words = quote.strip().split("\\s+");
    if (words.length == 0 || words[0].isEmpty()) {
      return detached(quote);
    }
    StringBuilder pattern = new StringBuilder();
    for (int i = 0; i < words.length; i++) {
      pattern.append(i == 0 ? "" : "\\s+").append(Pattern.quote(words[i]));
    }
    Matcher m = Pattern.compile(pattern.toString()).matcher(text);
    int bestStart = -1;
    int bestEnd = -1;
    int from = 0;
    while (from <= text.length() && m.find(from)) {
      if (bestStart < 0 || Math.abs(m.start() - start) < Math.abs(bestStart - start)) {
        bestStart = m.start();
        bestEnd = m.end();
      }
      from = m.start() + 1;
    }
    if (bestStart >= 0) {
      return Anchor.text(text.substring(bestStart, bestEnd), bestStart, bestEnd);
    }
    return detached(quote);
  }

  private static Anchor detached(String quote) {
    return new Anchor(Anchor.TEXT, quote, null, null, null, null, true);
  }
}
