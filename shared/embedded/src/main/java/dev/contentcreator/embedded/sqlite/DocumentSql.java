package dev.contentcreator.embedded.sqlite;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.Page;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.ports.Query.Direction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The SQL of the documents table, on a connection the caller owns. Collection names and field
 * names are checked against strict patterns and then written into the SQL as literals, so that
 * SQLite can match them to partial and expression indexes; every value is a bound parameter.
 */
final class DocumentSql {
  private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
  private static final Pattern COLLECTION = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

  private DocumentSql() {}

  static Optional<Document> get(Connection connection, String collection, String id) throws SQLException {
    requireId(id);
    try (PreparedStatement select = Statements.prepare(connection,
        "SELECT data FROM documents WHERE " + inCollection(collection) + " AND id = ?")) {
      select.setString(1, id);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(document(collection, id, row.getString(1))) : Optional.empty();
      }
    }
  }

  /** Ids bound to one statement at most, well under SQLite's limit on parameters. */
  private static final int IDS_PER_STATEMENT = 512;

  /** The documents with these ids, in their order, empty where none; one statement per 512 ids. */
  static List<Optional<Document>> getAll(Connection connection, String collection, List<String> ids)
      throws SQLException {
    String where = inCollection(collection);
    ids.forEach(DocumentSql::requireId);
    Map<String, Document> byId = new HashMap<>();
    for (int from = 0; from < ids.size(); from += IDS_PER_STATEMENT) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_STATEMENT));
      // As many marks as the next power of two, the last id repeated in the rest, so that a
      // collection has a handful of these statements to keep rather than one per length.
      int marks = Math.min(IDS_PER_STATEMENT, Integer.highestOneBit(chunk.size() * 2 - 1));
      try (PreparedStatement select = Statements.prepare(connection, "SELECT id, data FROM documents WHERE "
          + where + " AND id IN (" + String.join(", ", Collections.nCopies(marks, "?")) + ")")) {
        for (int i = 0; i < marks; i++) {
          select.setString(i + 1, chunk.get(Math.min(i, chunk.size() - 1)));
        }
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            String id = rows.getString(1);
            byId.put(id, document(collection, id, rows.getString(2)));
          }
        }
      }
    }
    List<Optional<Document>> found = new ArrayList<>(ids.size());
    for (String id : ids) {
      found.add(Optional.ofNullable(byId.get(id)));
    }
    return found;
  }

  /** Inserts a document; returns false, writing nothing, if the id is taken. */
  static boolean insert(Connection connection, String collection, String id, JsonObject data) throws SQLException {
    String into = literal(collection);
    String json = serialize(id, data);
    try (PreparedStatement insert = Statements.prepare(connection,
        "INSERT INTO documents (collection, id, data) VALUES (" + into
            + ", ?, ?) ON CONFLICT (collection, id) DO NOTHING")) {
      bindDocument(insert, id, json);
      return insert.executeUpdate() == 1;
    }
  }

  static void upsert(Connection connection, String collection, String id, JsonObject data) throws SQLException {
    String into = literal(collection);
    String json = serialize(id, data);
    try (PreparedStatement upsert = Statements.prepare(connection, "INSERT INTO documents (collection, id, data)"
        + " VALUES (" + into + ", ?, ?) ON CONFLICT (collection, id) DO UPDATE SET data = excluded.data")) {
      bindDocument(upsert, id, json);
      upsert.executeUpdate();
    }
  }

  static void delete(Connection connection, String collection, String id) throws SQLException {
    requireId(id);
    try (PreparedStatement delete = Statements.prepare(connection,
        "DELETE FROM documents WHERE " + inCollection(collection) + " AND id = ?")) {
      delete.setString(1, id);
      delete.executeUpdate();
    }
  }

  static Page query(Connection connection, Query query) throws SQLException {
    Objects.requireNonNull(query, "query");
    Cursor after = query.cursor() == null ? null : Cursor.decodeFor(query);
    List<Object> params = new ArrayList<>();
    String sql = select(query, after, params);
    try (PreparedStatement select = Statements.prepare(connection, sql)) {
      for (int i = 0; i < params.size(); i++) {
        select.setObject(i + 1, params.get(i));
      }
      try (ResultSet rows = select.executeQuery()) {
        return page(query, rows);
      }
    }
  }

  /** The SQL a query runs, for tests that check which index SQLite picks. */
  static String select(Query query, Cursor after, List<Object> params) {
    String collection = query.collection();
    String order = query.orderBy() == null ? null : extract(query.orderBy());
    StringBuilder sql = new StringBuilder("SELECT id, data, ")
        .append(order == null ? "NULL" : order)
        .append(" FROM documents WHERE ").append(inCollection(collection));
    for (Query.Filter filter : query.filters()) {
      appendFilter(sql, filter, params);
    }
    if (query.idPrefix() != null) {
      sql.append(" AND id >= ? AND id < ?");
      params.add(query.idPrefix());
      params.add(Query.idPrefixEnd(query.idPrefix()));
    }
    if (order != null) {
      sql.append(" AND ").append(order).append(" IS NOT NULL");
    }
    Query.Range range = query.range();
    if (range != null) {
      // text only, as the port says: a number or boolean in the field is outside every text range
      sql.append(" AND json_type(data, '$.").append(requireField(range.field())).append("') = 'text'");
      if (range.from() != null) {
        sql.append(" AND ").append(order).append(" >= ?");
        params.add(range.from());
      }
      if (range.until() != null) {
        sql.append(" AND ").append(order).append(" < ?");
        params.add(range.until());
      }
    }
    String way = query.direction() == Direction.ASCENDING ? "ASC" : "DESC";
    String beyond = query.direction() == Direction.ASCENDING ? ">" : "<";
    if (after != null && order == null) {
      sql.append(" AND id ").append(beyond).append(" ?");
      params.add(after.lastId());
    } else if (after != null) {
      sql.append(" AND (").append(order).append(", id) ").append(beyond).append(" (?, ?)");
      params.add(after.lastValue());
      params.add(after.lastId());
    }
    sql.append(" ORDER BY ");
    if (order != null) {
      sql.append(order).append(' ').append(way).append(", ");
    }
    sql.append("id ").append(way).append(" LIMIT ").append(query.limit() + 1);
    return sql.toString();
  }

  private static void appendFilter(StringBuilder sql, Query.Filter filter, List<Object> params) {
    String field = requireField(filter.field());
    String type = "json_type(data, '$." + field + "')";
    JsonPrimitive value = filter.value();
    if (value.isBoolean()) {
      sql.append(" AND ").append(type).append(value.getAsBoolean() ? " = 'true'" : " = 'false'");
      return;
    }
    if (value.isNumber()) {
      sql.append(" AND ").append(type).append(" IN ('integer', 'real')");
      params.add(number(value.getAsNumber()));
    } else {
      sql.append(" AND ").append(type).append(" = 'text'");
      params.add(value.getAsString());
    }
    sql.append(" AND ").append(extract(field)).append(" = ?");
  }

  private static Object number(Number number) {
    if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
      return number.longValue();
    }
    return number.doubleValue();
  }

  private static Page page(Query query, ResultSet rows) throws SQLException {
    List<Document> items = new ArrayList<>();
    Object lastValue = null;
    while (rows.next()) {
      if (items.size() == query.limit()) {
        Document last = items.get(items.size() - 1);
        String next = new Cursor(query.collection(), query.orderBy(), query.direction(), lastValue, last.id()).encode();
        return new Page(items, next);
      }
      items.add(document(query.collection(), rows.getString(1), rows.getString(2)));
      lastValue = orderValue(rows.getObject(3));
    }
    return new Page(items, null);
  }

  private static Object orderValue(Object value) {
    if (value instanceof Integer || value instanceof Long) {
      return ((Number) value).longValue();
    }
    return value;
  }

  private static String extract(String field) {
    return "json_extract(data, '$." + requireField(field) + "')";
  }

  private static Document document(String collection, String id, String json) {
    return new Document(collection, id, JsonParser.parseString(json).getAsJsonObject());
  }

  private static String serialize(String id, JsonObject data) {
    requireId(id);
    Objects.requireNonNull(data, "data");
    return GSON.toJson(data);
  }

  private static void bindDocument(PreparedStatement statement, String id, String json) throws SQLException {
    statement.setString(1, id);
    statement.setString(2, json);
  }

  /**
   * {@code collection = '<name>'} with the checked name as a literal. Bound as a parameter, it made
   * SQLite plan the statement again on every run: the planner reads a bound value when it weighs a
   * partial index ({@code WHERE collection = 'members'}), and binding such a value again marks the
   * statement expired. A 33-id read took 33 microseconds that way and 14 with the literal.
   */
  private static String inCollection(String collection) {
    return "collection = " + literal(collection);
  }

  private static String literal(String collection) {
    return "'" + requireCollection(collection) + "'";
  }

  static String requireCollection(String collection) {
    Objects.requireNonNull(collection, "collection");
    if (!COLLECTION.matcher(collection).matches()) {
      throw new IllegalArgumentException("collection must be lower-case letters, digits and _, got: " + collection);
    }
    return collection;
  }

  private static String requireField(String field) {
    if (!FIELD.matcher(field).matches()) {
      throw new IllegalArgumentException("field must be a plain top-level name, got: " + field);
    }
    return field;
  }

  private static void requireId(String id) {
    Objects.requireNonNull(id, "id");
    if (id.isEmpty() || id.indexOf('/') >= 0) {
      throw new IllegalArgumentException("document id must be non-empty and hold no '/', got: '" + id + "'");
    }
  }
}
