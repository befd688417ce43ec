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
    char[] text = new char[24];
    put(text, 0, t.getYear(), 4);
    text[4] = '-';
    put(text, 5, t.getMonthValue(), 2);
    text[7] = '-';
    put(text, 8, t.getDayOfMonth(), 2);
    text[10] = 'T';
    put(text, 11, t.getHour(), 2);
    text[13] = ':';
    put(text, 14, t.getMinute(), 2);
    text[16] = ':';
    put(text, 17, t.getSecond(), 2);
    text[19] = '.';
    put(text, 20, instant.getNano() / 1_000_000, 3);
    text[23] = 'Z';
    return new String(text);
  }

  private static final long FIRST_SECOND_OF_YEAR_0 = LocalDate.of(0, 1, 1).toEpochDay() * 86_400;
  private static final long FIRST_SECOND_OF_YEAR_10000 = LocalDate.of(10_000, 1, 1).toEpochDay() * 86_400;

  /** Writes {@code value} as {@code width} decimal digits, zeros first, at {@code at}. */
  private static void put(char[] text, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
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
    if (text.length() == 24 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
        && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == '.' && text.charAt(23) == 'Z') {
      int year = digits(text, 0, 4);
      int month = digits(text, 5, 7);
      int day = digits(text, 8, 10);
      int hour = digits(text, 11, 13);
      int minute = digits(text, 14, 16);
      int second = digits(text, 17, 19);
      int millis = digits(text, 20, 23);
      if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth()
          && hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 60 && millis >= 0) {
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, millis * 1_000_000L);
      }
    }
    return Instant.parse(text);
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
