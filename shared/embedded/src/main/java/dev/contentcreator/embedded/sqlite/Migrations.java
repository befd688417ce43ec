package dev.contentcreator.embedded.sqlite;

import java.util.List;

/**
 * The schema of the documents file, as an ordered list of steps.
 *
 * <p>Add a step at the end to change the schema. A field that queries filter a collection on gets
 * a partial expression index, as step 2 does for {@code members}: the index reads
 * {@code (json_extract(data, '$.field'), id)} under the condition {@code collection = 'name'},
 * written exactly as {@link DocumentSql} writes them, or SQLite will not use it. The trailing
 * {@code id} serves the default order, so one index answers "filter, then page by id"; a query
 * ordered by another field wants {@code (json_extract(data, '$.filter'), json_extract(data,
 * '$.order'), id)}. Check the plan with {@code EXPLAIN QUERY PLAN}, as the tests do.
 */
final class Migrations {
  static final List<Migration> ALL = List.of(
      new Migration(1, "create documents", List.of(
          "CREATE TABLE documents ("
              + " collection TEXT NOT NULL,"
              + " id TEXT NOT NULL,"
              + " data TEXT NOT NULL CHECK (json_valid(data)),"
              + " PRIMARY KEY (collection, id))")),
      new Migration(2, "index members by uid and by projectId", List.of(
          "CREATE INDEX documents_members_uid ON documents (json_extract(data, '$.uid'), id)"
              + " WHERE collection = 'members'",
          "CREATE INDEX documents_members_project_id ON documents (json_extract(data, '$.projectId'), id)"
              + " WHERE collection = 'members'")));

  private Migrations() {}
}
