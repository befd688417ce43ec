package dev.contentcreator.core.budgets;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.usage.Limits;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What each model costs, in millionths of a dollar: a text model per token in and out (written per
 * million tokens), an image model per image (by {@code quality/size}, by size, by quality, else one
 * price), a video model per second or per task. A model is looked up as {@code provider/model},
 * then {@code provider/*}; one not in the table is priced by the {@code PRICE_*} settings
 * ({@link Limits}), so no item is ever free by omission.
 *
 * <p>The built-in table ({@link #DEFAULTS}) holds the providers' published prices as read on
 * 2026-12-03; the {@code PRICE_TABLE} setting is JSON in the same shape whose entries replace the
 * built-in ones of the same key. The offline demo costs nothing unless the setting prices
 * {@code demo/*}. Immutable and thread-safe.
 */
public final class PriceTable {
  /**
   * The built-in prices, in dollars, as the providers published them on 2026-12-03: OpenAI's and
   * Anthropic's per million tokens and OpenAI's per image by quality and size; Gemini's per million
   * tokens (a Gemini image is billed as 1290 output tokens, $0.039); GoAPI's Midjourney imagine in
   * fast mode ($0.07 a task), Flux schnell and dev per image, Kling per second of standard video.
   */
  public static final String DEFAULTS = """
      {
        "openai/gpt-4o-mini": {"input": 0.15, "output": 0.60},
        "openai/gpt-4o": {"input": 2.50, "output": 10.00},
        "openai/gpt-4.1-mini": {"input": 0.40, "output": 1.60},
        "openai/gpt-4.1": {"input": 2.00, "output": 8.00},
        "openai/gpt-image-1": {"image": 0.042, "images": {
          "low/1024x1024": 0.011, "low/1024x1536": 0.016, "low/1536x1024": 0.016,
          "medium/1024x1024": 0.042, "medium/1024x1536": 0.063, "medium/1536x1024": 0.063,
          "high/1024x1024": 0.167, "high/1024x1536": 0.25, "high/1536x1024": 0.25,
          "1024x1536": 0.063, "1536x1024": 0.063}},
        "openai/dall-e-3": {"image": 0.04, "images": {
          "standard/1024x1024": 0.04, "standard/1792x1024": 0.08, "standard/1024x1792": 0.08,
          "hd/1024x1024": 0.08, "hd/1792x1024": 0.12, "hd/1024x1792": 0.12,
          "1792x1024": 0.08, "1024x1792": 0.08}},
        "anthropic/claude-sonnet-4-5": {"input": 3.00, "output": 15.00},
        "anthropic/claude-haiku-4-5": {"input": 1.00, "output": 5.00},
        "anthropic/claude-opus-4-1": {"input": 15.00, "output": 75.00},
        "gemini/gemini-2.5-flash": {"input": 0.30, "output": 2.50},
        "gemini/gemini-2.5-pro": {"input": 1.25, "output": 10.00},
        "gemini/gemini-2.5-flash-image": {"input": 0.30, "image": 0.039},
        "goapi/midjourney": {"task": 0.07},
        "goapi/Qubico/flux1-schnell": {"image": 0.0015},
        "goapi/Qubico/flux1-dev": {"image": 0.015},
        "goapi/kling": {"second": 0.05},
        "demo/*": {"input": 0, "output": 0, "image": 0, "second": 0}
      }
      """;

  private final Map<String, ModelPrice> prices;
  private final Limits fallback;

  private PriceTable(Map<String, ModelPrice> prices, Limits fallback) {
    this.prices = Map.copyOf(prices);
    this.fallback = Objects.requireNonNull(fallback, "fallback");
  }

  /** The table of the settings: the built-in one with {@code PRICE_TABLE} on top, over the {@code PRICE_*} prices. */
  public static PriceTable from(dev.contentcreator.core.config.Config c) {
    return of(c.find(dev.contentcreator.core.config.Settings.PRICE_TABLE).orElse(null), Limits.from(c));
  }

  /** The built-in table, with {@code overrides} (JSON in its shape, may be null or blank) on top. */
  public static PriceTable of(String overrides, Limits fallback) {
    Map<String, ModelPrice> prices = new LinkedHashMap<>(parse(DEFAULTS));
    if (overrides != null && !overrides.isBlank()) {
      prices.putAll(parse(overrides));
    }
    return new PriceTable(prices, fallback);
  }

  /** One model's prices in millionths of a dollar; null: not priced that way. */
  public record ModelPrice(Double inputPerToken, Double outputPerToken, Long image, Map<String, Long> images,
      Long second, Long task) {
    public ModelPrice {
      images = images == null ? Map.of() : Map.copyOf(images);
    }
  }

  /**
   * Reads a table: an object of {@code "provider/model"} to an object of prices in dollars
   * ({@code input}, {@code output} per million tokens; {@code image}, {@code images} by
   * {@code quality/size} or size or quality; {@code second}; {@code task}). Throws
   * IllegalArgumentException naming what is wrong.
   */
  static Map<String, ModelPrice> parse(String json) {
    JsonElement root;
    try {
      root = JsonParser.parseString(json);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("PRICE_TABLE is not JSON: " + e.getMessage());
    }
    if (!root.isJsonObject()) {
      throw new IllegalArgumentException("PRICE_TABLE must be a JSON object of \"provider/model\" to prices");
    }
    Map<String, ModelPrice> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> e : root.getAsJsonObject().entrySet()) {
      String key = e.getKey();
      if (!key.contains("/") || key.startsWith("/") || key.endsWith("/")) {
        throw new IllegalArgumentException("PRICE_TABLE key " + key + " must be provider/model or provider/*");
      }
      if (!e.getValue().isJsonObject()) {
        throw new IllegalArgumentException("PRICE_TABLE " + key + " must be an object of prices");
      }
      JsonObject o = e.getValue().getAsJsonObject();
      for (String field : o.keySet()) {
        if (!java.util.Set.of("input", "output", "image", "images", "second", "task").contains(field)) {
          throw new IllegalArgumentException("PRICE_TABLE " + key + " has an unknown price " + field
              + " (input, output, image, images, second, task)");
        }
      }
      Map<String, Long> images = new LinkedHashMap<>();
      if (o.has("images")) {
        if (!o.get("images").isJsonObject()) {
          throw new IllegalArgumentException("PRICE_TABLE " + key + ".images must be an object");
        }
        for (Map.Entry<String, JsonElement> i : o.getAsJsonObject("images").entrySet()) {
          images.put(i.getKey().toLowerCase(Locale.ROOT), micros(dollars(key + ".images." + i.getKey(), i.getValue())));
        }
      }
      out.put(key, new ModelPrice(
          o.has("input") ? dollars(key + ".input", o.get("input")) : null,
          o.has("output") ? dollars(key + ".output", o.get("output")) : null,
          o.has("image") ? micros(dollars(key + ".image", o.get("image"))) : null, images,
          o.has("second") ? micros(dollars(key + ".second", o.get("second"))) : null,
          o.has("task") ? micros(dollars(key + ".task", o.get("task"))) : null));
    }
    return out;
  }

  /** A price in dollars: a number from 0 to 1000 (per million tokens, per image, second or task). */
  private static double dollars(String where, JsonElement v) {
    double d;
    try {
      d = v.getAsDouble();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("PRICE_TABLE " + where + " must be a number of dollars");
    }
    if (!(d >= 0 && d <= 1000)) {
      throw new IllegalArgumentException("PRICE_TABLE " + where + " must be from 0 to 1000 dollars");
    }
    return d;
  }

  private static long micros(double dollars) {
    return Math.round(dollars * 1_000_000);
  }

  /** The prices of a model, or null when neither it nor its provider is in the table. */
  public ModelPrice find(String provider, String model) {
    ModelPrice p = prices.get(provider + "/" + model);
    return p != null ? p : prices.get(provider + "/*");
  }

  /**
   * What an item costs: its tokens, images and seconds at the model's prices (a per-task price
   * instead, where the model has one).
   */
  public long cost(String provider, String model, ContentKind kind, Map<String, String> options, long inputTokens,
      long outputTokens, long images, double videoSeconds) {
    ModelPrice p = find(provider, model);
    if (p == null) {
      return fallback.costMicros(inputTokens, outputTokens, images, videoSeconds);
    }
    if (p.task() != null) {
      return p.task();
    }
    double in = p.inputPerToken() != null ? p.inputPerToken() : fallback.inputTokenMicros();
    double out = p.outputPerToken() != null ? p.outputPerToken() : fallback.outputTokenMicros();
    long perImage = imagePrice(p, options);
    long perSecond = p.second() != null ? p.second() : fallback.videoSecondMicros();
    // Tokens of an image model (its prompt) are charged only when the table prices them.
    long tokens = kind == ContentKind.TEXT || p.inputPerToken() != null
        ? Math.round(inputTokens * in + outputTokens * (kind == ContentKind.TEXT || p.outputPerToken() != null ? out : 0))
        : 0;
    return tokens + images * perImage + Math.round(videoSeconds * perSecond);
  }

  private long imagePrice(ModelPrice p, Map<String, String> options) {
    String quality = options == null ? null : lower(options.get("quality"));
    String size = options == null ? null : lower(options.get("size"));
    if (quality != null && size != null && p.images().containsKey(quality + "/" + size)) {
      return p.images().get(quality + "/" + size);
    }
    if (size != null && p.images().containsKey(size)) {
      return p.images().get(size);
    }
    if (quality != null && p.images().containsKey(quality)) {
      return p.images().get(quality);
    }
    return p.image() != null ? p.image() : fallback.imageMicros();
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT).strip();
  }

  /** The table as the API shows it: each key with its prices in dollars. */
  public Map<String, ModelPrice> entries() {
    return new java.util.TreeMap<>(prices);
  }
}
