package dev.contentcreator.core.json;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.GenerationJob;
import dev.contentcreator.core.domain.Role;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The one Gson of the product. Instants are written as fixed-width UTC ISO-8601 with
 * milliseconds ({@code 2026-11-26T01:02:03.456Z}) so that they sort as text in every document
 * store; enums are written in lower case.
 */
public final class Json {
  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /**
   * The stored form's fields (year, month, day, hour, minute, second, millisecond): how many digits
   * each has, and the character after it; {@link #format} and {@link #parseInstant} write and read
   * it by these, for years 0 to 9999, and leave other instants to the formatter.
   */
  private static final int[] WIDTHS = {4, 2, 2, 2, 2, 2, 3};
  private static final char[] AFTER = {'-', '-', 'T', ':', ':', '.', 'Z'};
  private static final int STORED_LENGTH = 24;
  private static final long FIRST_SECOND_OF_YEAR_0 = LocalDate.of(0, 1, 1).toEpochDay() * 86_400;
  private static final long FIRST_SECOND_OF_YEAR_10000 = LocalDate.of(10_000, 1, 1).toEpochDay() * 86_400;

  public static final Gson GSON = builder().create();

  /**
   * For API answers: a field with no value is written as null, so clients see every field, unless
   * its view record says otherwise ({@link OmitNulls}, {@link WriteNulls}, {@link Inline}).
   */
  private static final Gson API = builder().serializeNulls().create();

  private static GsonBuilder builder() {
    return new GsonBuilder()
        .setFieldNamingPolicy(FieldNamingPolicy.IDENTITY)
        .disableHtmlEscaping()
        .registerTypeAdapterFactory(new ViewRecords())
        .registerTypeAdapter(Instant.class, new InstantAdapter().nullSafe())
        .registerTypeAdapter(Role.class, new LowerCaseEnum<>(Role.class).nullSafe())
        .registerTypeAdapter(ContentKind.class, new LowerCaseEnum<>(ContentKind.class).nullSafe())
        .registerTypeAdapter(dev.contentcreator.core.domain.ReviewStatus.class,
            new LowerCaseEnum<>(dev.contentcreator.core.domain.ReviewStatus.class).nullSafe())
        .registerTypeAdapter(GenerationJob.Status.class, new LowerCaseEnum<>(GenerationJob.Status.class).nullSafe())
        .registerTypeAdapter(dev.contentcreator.core.domain.GenerationItem.Status.class,
            new LowerCaseEnum<>(dev.contentcreator.core.domain.GenerationItem.Status.class).nullSafe());
  }

  /** The tree of an API answer: a view record as its annotations say, nulls written otherwise. */
  public static JsonElement toApiTree(Object value) {
    return API.toJsonTree(value);
  }

  /** The text of an API answer, written as {@link #toApiTree} would build it, without the tree. */
  public static String toApiJson(Object value) {
    return API.toJson(value);
  }

  private Json() {}

  /**
   * Builds the Gson instances now, with the adapters of instants and maps every answer writes, so
   * that a new function instance does it at launch (WARM_START) and not on its first request.
   */
  public static void warmUp() {
    toApiTree(java.util.Map.of("at", Instant.EPOCH));
  }

  /** The fixed-width text of an instant, truncated to milliseconds. */
  public static String format(Instant instant) {
    long second = instant.getEpochSecond();
    if (second < FIRST_SECOND_OF_YEAR_0 || second >= FIRST_SECOND_OF_YEAR_10000) {
      return INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
    // Years 0 to 9999, every instant the product stores, written field by field: several times
    // cheaper than the formatter, and the same text.
    LocalDateTime t = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC);
    int[] fields = {t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(),
        instant.getNano() / 1_000_000};
    char[] text = new char[STORED_LENGTH];
    int at = 0;
    for (int i = 0; i < fields.length; i++) {
      int value = fields[i];
      for (int d = at + WIDTHS[i] - 1; d >= at; d--) {
        text[d] = (char) ('0' + value % 10);
        value /= 10;
      }
      at += WIDTHS[i];
      text[at++] = AFTER[i];
    }
    return new String(text);
  }

  public static JsonElement toTree(Object value) {
    return GSON.toJsonTree(value);
  }

  public static <T> T fromTree(JsonElement tree, Class<T> type) {
    return GSON.fromJson(tree, type);
  }

  private static final class InstantAdapter extends TypeAdapter<Instant> {
    @Override
    public void write(JsonWriter out, Instant value) throws IOException {
      out.value(format(value));
    }

    @Override
    public Instant read(JsonReader in) throws IOException {
      if (in.peek() != JsonToken.STRING) {
        throw new IllegalStateException("expected a timestamp string at " + in.getPath());
      }
      return parseInstant(in.nextString());
    }
  }

  /**
   * An instant from ISO-8601 text, as {@link Instant#parse} reads it. The fixed-width form this
   * class writes ({@code 2026-11-26T01:02:03.456Z}), which is every stored instant, is read digit by
   * digit, which is several times cheaper than the formatter; any other text goes to the formatter,
   * which also gives the error of text that is not an instant.
   */
  public static Instant parseInstant(String text) {
    int[] f = storedFields(text);
    if (f != null && f[1] >= 1 && f[1] <= 12 && f[2] >= 1 && f[2] <= YearMonth.of(f[0], f[1]).lengthOfMonth()
        && f[3] < 24 && f[4] < 60 && f[5] < 60) {
      long days = LocalDate.of(f[0], f[1], f[2]).toEpochDay();
      return Instant.ofEpochSecond(days * 86_400 + f[3] * 3_600L + f[4] * 60L + f[5], f[6] * 1_000_000L);
    }
    return Instant.parse(text);
  }

  /** The seven fields of text in the stored form, or null if it is not in that form. */
  private static int[] storedFields(String text) {
    if (text.length() != STORED_LENGTH) {
      return null;
    }
    int[] fields = new int[WIDTHS.length];
    int at = 0;
    for (int i = 0; i < WIDTHS.length; i++) {
      fields[i] = digits(text, at, at + WIDTHS[i]);
      at += WIDTHS[i];
      if (fields[i] < 0 || text.charAt(at++) != AFTER[i]) {
        return null;
      }
    }
    return fields;
  }

  /** The decimal number in {@code text} from {@code from} to {@code to}, or -1 if any is not a digit. */
  private static int digits(String text, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  private static final class LowerCaseEnum<E extends Enum<E>> extends TypeAdapter<E> {
    private final Class<E> type;

    LowerCaseEnum(Class<E> type) {
      this.type = type;
    }

    @Override
    public void write(JsonWriter out, E value) throws IOException {
      out.value(value.name().toLowerCase(Locale.ROOT));
    }

    @Override
    public E read(JsonReader in) throws IOException {
      String s = in.nextString();
      try {
        return Enum.valueOf(type, s.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("unknown " + type.getSimpleName() + " '" + s + "' at " + in.getPath(), e);
      }
    }
  }
}
