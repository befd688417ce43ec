package dev.contentcreator.core.usage;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.Settings;

/**
 * A person's limits per calendar month (UTC), and the prices used to estimate cost, in millionths
 * of a dollar. Settings: {@code QUOTA_TOKENS_PER_MONTH} (2,000,000), {@code QUOTA_IMAGES_PER_MONTH}
 * (500), {@code QUOTA_VIDEO_SECONDS_PER_MONTH} (300), {@code PRICE_INPUT_TOKEN_MICROS} (0.15 per
 * 1,000: 0.15), {@code PRICE_OUTPUT_TOKEN_MICROS} (0.6), {@code PRICE_IMAGE_MICROS} (40,000),
 * {@code PRICE_VIDEO_SECOND_MICROS} (100,000). The demo provider costs nothing.
 */
public record Limits(long tokensPerMonth, long imagesPerMonth, long videoSecondsPerMonth,
    double inputTokenMicros, double outputTokenMicros, long imageMicros, long videoSecondMicros) {

  public static Limits from(Config c) {
    return new Limits(
        c.get(Settings.QUOTA_TOKENS_PER_MONTH),
        c.get(Settings.QUOTA_IMAGES_PER_MONTH),
        c.get(Settings.QUOTA_VIDEO_SECONDS_PER_MONTH),
        c.get(Settings.PRICE_INPUT_TOKEN_MICROS),
        c.get(Settings.PRICE_OUTPUT_TOKEN_MICROS),
        c.get(Settings.PRICE_IMAGE_MICROS),
        c.get(Settings.PRICE_VIDEO_SECOND_MICROS));
  }

  public long costMicros(long inputTokens, long outputTokens, long images, double videoSeconds) {
    return Math.round(inputTokens * inputTokenMicros + outputTokens * outputTokenMicros)
        + images * imageMicros + Math.round(videoSeconds * videoSecondMicros);
  }
}
