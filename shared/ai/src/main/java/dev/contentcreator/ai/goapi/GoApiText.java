package dev.contentcreator.ai.goapi;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import java.util.regex.Pattern;

/** Small text helpers shared by the client, the results mapping and the webhook. */
final class GoApiText {
  /** Longest provider message passed on to a person. */
  static final int MAX_MESSAGE = 300;

  /**
   * Wording GoAPI and Midjourney use when a prompt or an image is refused by their filters, such as
   * "Banned prompt detected", "prompt banned", "Image denied", "NSFW", "violates content policy".
   */
  private static final Pattern MODERATION = Pattern.compile(
      "banned|moderat|nsfw|image denied|content (?:policy|filter)|violat|inappropriate|prohibited"
          + "|sensitive (?:word|content)|not safe|safety (?:check|filter|system)|blocked prompt");

  /** Wording of an account out of credit. */
  private static final Pattern NO_CREDIT = Pattern.compile(
      "insufficient (?:credit|balance|quota|fund)|not enough (?:credit|quota|balance)|quota exceeded"
          + "|out of credit|no credits?");

  private GoApiText() { }

  static boolean looksLikeModeration(String message) {
    return message != null && MODERATION.matcher(message.toLowerCase(Locale.ROOT)).find();
  }

  static boolean looksLikeNoCredit(String message) {
    return message != null && NO_CREDIT.matcher(message.toLowerCase(Locale.ROOT)).find();
  }

  /**
   * Makes a provider message safe to show and to log: the key (when given) is replaced, control
   * characters and runs of white space become one space, and the text is cut to a readable length.
   */
  static String clean(String message, String secret) {
    if (message == null) {
      return "";
    }
    String s = message;
    if (secret != null && !secret.isEmpty()) {
      s = s.replace(secret, "[redacted]");
    }
    s = s.replaceAll("[\\p{Cntrl}\\s]+", " ").trim();
    if (s.length() > MAX_MESSAGE) {
      s = s.substring(0, MAX_MESSAGE - 1).trim() + "…";
    }
    return s;
  }

  /**
   * Parses one complete JSON document strictly: a truncated or malformed document, or one followed
   * by anything but white space, throws {@link IllegalArgumentException}.
   */
  static JsonElement parseStrict(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the body is empty");
    }
    JsonElement element;
    JsonToken after;
    try (JsonReader reader = new JsonReader(new StringReader(text))) {
      reader.setStrictness(Strictness.STRICT);
      element = JsonParser.parseReader(reader);
      after = reader.peek();
    } catch (RuntimeException | IOException e) {
      throw new IllegalArgumentException("the body is not complete JSON (" + e.getClass().getSimpleName() + ")", e);
    }
    if (after != JsonToken.END_DOCUMENT) {
      throw new IllegalArgumentException("the body holds more than one JSON document");
    }
    return element;
  }
}
