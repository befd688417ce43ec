package dev.contentcreator.core.json;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * Writes the view records that say how their nulls appear ({@link OmitNulls}, {@link WriteNulls})
 * or that inline another record ({@link Inline}): components in declaration order, each through
 * the Gson adapter of its type. Whether nulls are written is the {@link JsonWriter}'s setting,
 * which a view sets for what it contains and gives back afterwards, so a record, map or list
 * nested in a view follows the view unless it is a view with a rule of its own. Other records are
 * left to Gson, and reading is Gson's for all.
 */
final class ViewRecords implements TypeAdapterFactory {
  @Override
  public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
    Class<? super T> raw = type.getRawType();
    if (!raw.isRecord() || !shaped(raw)) {
      return null;
    }
    TypeAdapter<T> reader = gson.getDelegateAdapter(this, type);
    return new TypeAdapter<>() {
      @Override
      public void write(JsonWriter out, T value) throws IOException {
        if (value == null) {
          out.nullValue();
          return;
        }
        out.beginObject();
        members(gson, out, value, out.getSerializeNulls());
        out.endObject();
      }

      @Override
      public T read(JsonReader in) throws IOException {
        return reader.read(in);
      }
    };
  }

  private static boolean shaped(Class<?> type) {
    return type.isAnnotationPresent(OmitNulls.class) || type.isAnnotationPresent(WriteNulls.class)
        || Arrays.stream(type.getRecordComponents()).anyMatch(c -> c.isAnnotationPresent(OmitNulls.class)
            || c.isAnnotationPresent(WriteNulls.class) || c.isAnnotationPresent(Inline.class));
  }

  /** Writes the components of {@code record} as members of the object being written. */
  private static void members(Gson gson, JsonWriter out, Object record, boolean inherited) throws IOException {
    Class<?> type = record.getClass();
    boolean nulls = type.isAnnotationPresent(OmitNulls.class) ? false
        : type.isAnnotationPresent(WriteNulls.class) || inherited;
    for (RecordComponent c : type.getRecordComponents()) {
      Object value = valueOf(c, record);
      boolean writeNull = c.isAnnotationPresent(WriteNulls.class) || nulls && !c.isAnnotationPresent(OmitNulls.class);
      if (c.isAnnotationPresent(Inline.class)) {
        if (value != null) {
          if (!value.getClass().isRecord()) {
            throw new IllegalStateException(type.getName() + "." + c.getName() + " is @Inline but not a record");
          }
          members(gson, out, value, nulls);
        }
        continue;
      }
      if (value == null && !writeNull) {
        continue;
      }
      boolean before = out.getSerializeNulls();
      out.name(c.getName());
      out.setSerializeNulls(value == null || nulls);
      adapter(gson, c).write(out, value);
      out.setSerializeNulls(before);
    }
  }

  @SuppressWarnings("unchecked")
  private static TypeAdapter<Object> adapter(Gson gson, RecordComponent c) {
    return (TypeAdapter<Object>) gson.getAdapter(TypeToken.get(c.getGenericType()));
  }

  private static Object valueOf(RecordComponent c, Object record) {
    Method accessor = c.getAccessor();
    try {
      accessor.setAccessible(true);
      return accessor.invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + record.getClass().getName() + "." + c.getName(), e);
    }
  }
}
