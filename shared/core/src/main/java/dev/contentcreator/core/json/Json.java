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
    return INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
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
      return Instant.parse(in.nextString());
    }
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
