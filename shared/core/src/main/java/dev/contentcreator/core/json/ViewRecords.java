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
    Shape shape = SHAPES.get(type);
    return shape.omitNulls || shape.writeNulls
        || Arrays.stream(shape.members).anyMatch(m -> m.omitNulls || m.writeNulls || m.inline);
  }

  /** Writes the components of {@code record} as members of the object being written. */
  private static void members(Gson gson, JsonWriter out, Object record, boolean inherited) throws IOException {
    Shape shape = SHAPES.get(record.getClass());
    boolean nulls = !shape.omitNulls && (shape.writeNulls || inherited);
    for (Member m : shape.members) {
      Object value = m.valueOf(record);
      boolean writeNull = m.writeNulls || nulls && !m.omitNulls;
      if (m.inline) {
        if (value != null) {
          if (!value.getClass().isRecord()) {
            throw new IllegalStateException(shape.name + "." + m.name + " is @Inline but not a record");
          }
          members(gson, out, value, nulls);
        }
        continue;
      }
      if (value == null && !writeNull) {
        continue;
      }
      boolean before = out.getSerializeNulls();
      out.name(m.name);
      out.setSerializeNulls(value == null || nulls);
      m.adapter(gson).write(out, value);
      out.setSerializeNulls(before);
    }
  }

  /**
   * What a record class's annotations and components say, read by reflection once per class: a
   * view is written on every answer, and looking its components up each time was a sixth of
   * the CPU of serving a project.
   */
  private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
    @Override
    protected Shape computeValue(Class<?> type) {
      return new Shape(type);
    }
  };

  private static final class Shape {
    final String name;
    final boolean omitNulls;
    final boolean writeNulls;
    final Member[] members;

    Shape(Class<?> type) {
      this.name = type.getName();
      this.omitNulls = type.isAnnotationPresent(OmitNulls.class);
      this.writeNulls = type.isAnnotationPresent(WriteNulls.class);
      RecordComponent[] components = type.getRecordComponents();
      this.members = new Member[components.length];
      for (int i = 0; i < components.length; i++) {
        members[i] = new Member(type, components[i]);
      }
    }
  }

  private static final class Member {
    final String name;
    final boolean omitNulls;
    final boolean writeNulls;
    final boolean inline;
    private final TypeToken<?> type;
    private final Method accessor;
    /** The adapter of this component's type in the Gson that asked last, kept as one pair. */
    private volatile Adapted adapted;

    Member(Class<?> owner, RecordComponent c) {
      this.name = c.getName();
      this.omitNulls = c.isAnnotationPresent(OmitNulls.class);
      this.writeNulls = c.isAnnotationPresent(WriteNulls.class);
      this.inline = c.isAnnotationPresent(Inline.class);
      this.type = TypeToken.get(c.getGenericType());
      this.accessor = c.getAccessor();
      try {
        accessor.setAccessible(true);
      } catch (RuntimeException e) {
        throw new IllegalStateException("cannot read " + owner.getName() + "." + name, e);
      }
    }

    Object valueOf(Object record) {
      try {
        return accessor.invoke(record);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + record.getClass().getName() + "." + name, e);
      }
    }

    @SuppressWarnings("unchecked")
    TypeAdapter<Object> adapter(Gson gson) {
      Adapted known = adapted;
      if (known == null || known.gson != gson) {
        known = new Adapted(gson, (TypeAdapter<Object>) gson.getAdapter(type));
        adapted = known;
      }
      return known.adapter;
    }
  }

  private record Adapted(Gson gson, TypeAdapter<Object> adapter) {}
}
