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
 *
 * <p>The same file holds the durable queue's tables ({@link #QUEUE}), whose steps are recorded in a
 * table of their own, {@code queue_migrations}, because they shipped with their own numbering; a
 * file written by any earlier build opens with both records as they are. {@link Migrator#migrateAll}
 * applies both lists, documents first. Times in the queue tables are epoch milliseconds.
 */
final class Migrations {
  /** Where the documents' steps are recorded. */
  static final String DOCUMENTS_TABLE = "schema_migrations";
  /** Where the queue's steps are recorded. */
  static final String QUEUE_TABLE = "queue_migrations";

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
              + " WHERE collection = 'members'")),
      new Migration(3, "index the activity log by project and time, review history by item and time", List.of(
          "CREATE INDEX documents_activity_project_at ON documents"
              + " (json_extract(data, '$.projectId'), json_extract(data, '$.at'), id) WHERE collection = 'activity'",
          "CREATE INDEX documents_reviews_content_at ON documents"
              + " (json_extract(data, '$.contentId'), json_extract(data, '$.at'), id) WHERE collection = 'reviews'")),
      // Items stored before review existed read as draft; writing the field lets ?status=draft list them.
      new Migration(4, "give content items stored before review the draft status", List.of(
          "UPDATE documents SET data = json_set(data, '$.reviewStatus', 'draft')"
              + " WHERE collection = 'contents' AND json_type(data, '$.reviewStatus') IS NULL")),
      new Migration(5, "index share links by project and time", List.of(
          "CREATE INDEX documents_shares_project_created ON documents"
              + " (json_extract(data, '$.projectId'), json_extract(data, '$.createdAt'), id) WHERE collection = 'shares'")),
      new Migration(6, "index webhooks by project and their deliveries by webhook, newest first", List.of(
          "CREATE INDEX documents_hooks_project_created ON documents"
              + " (json_extract(data, '$.projectId'), json_extract(data, '$.createdAt'), id) WHERE collection = 'hooks'",
          "CREATE INDEX documents_hookdeliveries_hook_created ON documents"
              + " (json_extract(data, '$.hookId'), json_extract(data, '$.createdAt'), id) WHERE collection = 'hookdeliveries'")),
      new Migration(7, "index personal templates by owner and template versions by template, newest first", List.of(
          "CREATE INDEX documents_templates_owner_created ON documents"
              + " (json_extract(data, '$.ownerUid'), json_extract(data, '$.createdAt'), id) WHERE collection = 'templates'",
          "CREATE INDEX documents_templateversions_template_number ON documents"
              + " (json_extract(data, '$.templateId'), json_extract(data, '$.number'), id)"
              + " WHERE collection = 'templateversions'")),
      new Migration(8, "index brand knowledge documents by project and time", List.of(
          "CREATE INDEX documents_knowledgedocs_project_created ON documents"
              + " (json_extract(data, '$.projectId'), json_extract(data, '$.createdAt'), id) WHERE collection = 'knowledgedocs'")),
      new Migration(9, "index background exports by project, newest first", List.of(
          "CREATE INDEX documents_exports_project_created ON documents"
              + " (json_extract(data, '$.projectId'), json_extract(data, '$.createdAt'), id) WHERE collection = 'exports'")),
      new Migration(10, "index publishing connections by project, publications by item, project and time", List.of(
          "CREATE INDEX documents_publishconnections_project_created ON documents"
              + " (json_extract(data, '$.projectId'), json_extract(data, '$.createdAt'), id)"
              + " WHERE collection = 'publishconnections'",
          "CREATE INDEX documents_publications_content_created ON documents"
              + " (json_extract(data, '$.contentId'), json_extract(data, '$.createdAt'), id) WHERE collection = 'publications'",
          "CREATE INDEX documents_publications_project_created ON documents"
              + " (json_extract(data, '$.projectId'), json_extract(data, '$.createdAt'), id) WHERE collection = 'publications'",
          "CREATE INDEX documents_publications_project_at ON documents"
              + " (json_extract(data, '$.projectId'), json_extract(data, '$.publishAt'), id) WHERE collection = 'publications'")),
      new Migration(11, "index batch runs by project and due time, calendar feeds by person", List.of(
          "CREATE INDEX documents_batchruns_project_due ON documents"
              + " (json_extract(data, '$.projectId'), json_extract(data, '$.dueAt'), id) WHERE collection = 'batchruns'",
          "CREATE INDEX documents_calendarfeeds_uid ON documents (json_extract(data, '$.uid'), id)"
              + " WHERE collection = 'calendarfeeds'")));

  static final List<Migration> QUEUE = List.of(
      new Migration(1, "create tasks", List.of(
          "CREATE TABLE queue_tasks ("
              + " queue TEXT NOT NULL,"
              + " name TEXT NOT NULL,"
              + " handler TEXT NOT NULL,"
              + " payload TEXT NOT NULL CHECK (json_valid(payload)),"
              + " state TEXT NOT NULL CHECK (state IN ('pending', 'running', 'done', 'dead')),"
              + " due_at INTEGER NOT NULL,"
              + " attempts INTEGER NOT NULL DEFAULT 0,"
              + " first_attempt_at INTEGER,"
              + " lease_until INTEGER,"
              + " lease_owner TEXT,"
              + " last_error TEXT,"
              + " created_at INTEGER NOT NULL,"
              + " finished_at INTEGER,"
              + " PRIMARY KEY (queue, name))",
          "CREATE INDEX queue_tasks_due ON queue_tasks (state, queue, due_at)",
          "CREATE INDEX queue_tasks_lease ON queue_tasks (state, lease_until)")),
      new Migration(2, "create topics, subscriptions, messages and deliveries", List.of(
          "CREATE TABLE queue_subscriptions ("
              + " topic TEXT NOT NULL,"
              + " handler TEXT NOT NULL,"
              + " created_at INTEGER NOT NULL,"
              + " PRIMARY KEY (topic, handler))",
          "CREATE TABLE queue_messages ("
              + " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
              + " topic TEXT NOT NULL,"
              + " data TEXT NOT NULL CHECK (json_valid(data)),"
              + " attributes TEXT NOT NULL CHECK (json_valid(attributes)),"
              + " published_at INTEGER NOT NULL)",
          "CREATE INDEX queue_messages_published ON queue_messages (published_at)",
          "CREATE TABLE queue_deliveries ("
              + " message_seq INTEGER NOT NULL REFERENCES queue_messages (seq) ON DELETE CASCADE,"
              + " topic TEXT NOT NULL,"
              + " handler TEXT NOT NULL,"
              + " state TEXT NOT NULL CHECK (state IN ('pending', 'running', 'done', 'dead')),"
              + " due_at INTEGER NOT NULL,"
              + " attempts INTEGER NOT NULL DEFAULT 0,"
              + " lease_until INTEGER,"
              + " lease_owner TEXT,"
              + " last_error TEXT,"
              + " finished_at INTEGER,"
              + " PRIMARY KEY (message_seq, handler))",
          "CREATE INDEX queue_deliveries_due ON queue_deliveries (topic, handler, state, due_at)",
          "CREATE INDEX queue_deliveries_state ON queue_deliveries (state, due_at)",
          "CREATE INDEX queue_deliveries_lease ON queue_deliveries (state, lease_until)")),
      // A task tried again is claimed before fresh ones (SqliteTaskQueue orders by attempts = 0
      // first); this index gives that order without sorting the backlog.
      new Migration(3, "index pending tasks with the ones tried again first", List.of(
          "CREATE INDEX queue_tasks_again_first ON queue_tasks (state, queue, attempts = 0, due_at, created_at, name)")));

  /** The record table of the vectors' own steps, apart from the documents' and the queue's. */
  static final String VECTORS_TABLE = "vector_migrations";

  static final List<Migration> VECTORS = List.of(
      new Migration(1, "create the vectors of brand knowledge", List.of(
          "CREATE TABLE knowledge_vectors ("
              + " project_id TEXT NOT NULL,"
              + " passage_id TEXT NOT NULL,"
              + " document_id TEXT NOT NULL,"
              + " model TEXT NOT NULL,"
              + " dims INTEGER NOT NULL CHECK (dims > 0),"
              + " vec BLOB NOT NULL CHECK (length(vec) = 4 * dims),"
              + " metadata TEXT NOT NULL CHECK (json_valid(metadata)),"
              + " PRIMARY KEY (project_id, passage_id))",
          "CREATE INDEX knowledge_vectors_document ON knowledge_vectors (project_id, document_id)")));

  private Migrations() {}
}
