package dev.contentcreator.core.ports;

import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A query on one collection: equality filters on top-level fields, one order field (ties broken
 * by document id, in the same direction), at most one range of text values on the order field
 * ({@link Builder#range}: timestamps are fixed-width text, so a time window is such a range), a limit
 * and an opaque cursor from a previous {@link Page}. Or, alone, the documents whose id starts with
 * a prefix ({@link Builder#whereIdStartsWith}), in id order: one read for a family of documents
 * named alike, of which only the ones that exist come back. Build it with {@link #on(String)}.
 */
public final class Query {
  /** The most documents one page may hold. */
  public static final int MAX_LIMIT = 500;
  private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
  private static final Pattern COLLECTION = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  public enum Direction { ASCENDING, DESCENDING }

  /** {@code field == value}; the value is a string, number or boolean. */
  public record Filter(String field, JsonPrimitive value) {
    public Filter {
      requireField(field);
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * {@code from <= field < until} on text values; either end may be null (open), not both. Only
   * the order field may carry a range, so one composite index (filters, then the order field)
   * answers the query in Firestore as in SQLite.
   */
  public record Range(String field, String from, String until) {
    public Range {
      requireField(field);
      if (from == null && until == null) {
        throw new IllegalArgumentException("a range needs at least one end");
      }
    }
  }

  private final String collection;
  private final List<Filter> filters;
  private final Range range;
  private final String orderBy;
  private final Direction direction;
  private final int limit;
  private final String cursor;
  private final String idPrefix;

  private Query(Builder b) {
    this.collection = b.collection;
    this.filters = List.copyOf(b.filters);
    this.range = b.range;
    this.orderBy = b.orderBy;
    this.direction = b.direction;
    this.limit = b.limit;
    this.cursor = b.cursor;
    this.idPrefix = b.idPrefix;
  }

  public static Builder on(String collection) {
    return new Builder(collection);
  }

  public String collection() { return collection; }
  public List<Filter> filters() { return filters; }
  /** The range on the order field, or {@code null} for none. */
  public Range range() { return range; }
  /** The order field, or {@code null} to order by document id alone. */
  public String orderBy() { return orderBy; }
  public Direction direction() { return direction; }
  public int limit() { return limit; }
  /** The cursor to start after, or {@code null} for the first page. */
  public String cursor() { return cursor; }
  /** The prefix every id found starts with, or {@code null} for none. */
  public String idPrefix() { return idPrefix; }

  /**
   * Where the ids of {@code prefix} end: ids compare as their UTF-8 bytes (in Firestore as in
   * SQLite), so {@code prefix <= id < idPrefixEnd(prefix)} holds every id that starts with the
   * prefix, save one whose next character is U+10FFFF, which no id of this product has.
   */
  public static String idPrefixEnd(String prefix) {
    return prefix + "\uDBFF\uDFFF";
  }

  private static String requireField(String field) {
    Objects.requireNonNull(field, "field");
    if (!FIELD.matcher(field).matches()) {
      throw new IllegalArgumentException("field must be a plain top-level name, got: " + field);
    }
    return field;
  }

  /** Builds a {@link Query}; every {@code withX} checks its argument. */
  public static final class Builder {
    private final String collection;
    private final List<Filter> filters = new ArrayList<>();
    private Range range;
    private String orderBy;
    private Direction direction = Direction.ASCENDING;
    private int limit = 50;
    private String cursor;
    private String idPrefix;

    private Builder(String collection) {
      Objects.requireNonNull(collection, "collection");
      if (!COLLECTION.matcher(collection).matches()) {
        throw new IllegalArgumentException("collection must be lower-case letters, digits and _, got: " + collection);
      }
      this.collection = collection;
    }

    public Builder whereEqualTo(String field, String value) {
      filters.add(new Filter(field, new JsonPrimitive(Objects.requireNonNull(value, "value"))));
      return this;
    }

    public Builder whereEqualTo(String field, long value) {
      filters.add(new Filter(field, new JsonPrimitive(value)));
      return this;
    }

    public Builder whereEqualTo(String field, boolean value) {
      filters.add(new Filter(field, new JsonPrimitive(value)));
      return this;
    }

    /** Keeps documents whose text value of {@code field} is {@code >= from} and {@code < until}; null ends are open. */
    public Builder range(String field, String from, String until) {
      if (range != null) {
        throw new IllegalStateException("a query holds one range, already on " + range.field());
      }
      this.range = new Range(field, from, until);
      return this;
    }

    public Builder orderBy(String field, Direction direction) {
      this.orderBy = requireField(field);
      this.direction = Objects.requireNonNull(direction, "direction");
      return this;
    }

    public Builder limit(int limit) {
      if (limit < 1 || limit > MAX_LIMIT) {
        throw new IllegalArgumentException("limit must be within 1.." + MAX_LIMIT + ", got: " + limit);
      }
      this.limit = limit;
      return this;
    }

    /** Starts after the last document of the page that gave this cursor; null means the start. */
    public Builder startAfter(String cursor) {
      this.cursor = cursor;
      return this;
    }

    /**
     * Keeps the documents whose id starts with {@code prefix} (not empty, no '/'), in ascending id
     * order. It stands alone: no filter, range or order field beside it (Firestore scans a range of
     * ids without an index only so, and not in descending order).
     */
    public Builder whereIdStartsWith(String prefix) {
      Objects.requireNonNull(prefix, "prefix");
      if (prefix.isEmpty() || prefix.indexOf('/') >= 0) {
        throw new IllegalArgumentException("an id prefix must be non-empty and hold no '/', got: '" + prefix + "'");
      }
      this.idPrefix = prefix;
      return this;
    }

    public Query build() {
      if (idPrefix != null && (!filters.isEmpty() || range != null || orderBy != null
          || direction != Direction.ASCENDING)) {
        throw new IllegalStateException("an id prefix stands alone: no filter, range or order field beside it");
      }
      if (range != null && !range.field().equals(orderBy)) {
        throw new IllegalStateException("a range must be on the order field (" + orderBy + "), got: " + range.field());
      }
      return new Query(this);
    }
  }
}
