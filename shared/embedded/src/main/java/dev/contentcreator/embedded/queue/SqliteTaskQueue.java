package dev.contentcreator.embedded.queue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.core.ports.TaskHandler;
import dev.contentcreator.core.ports.TaskQueue;
import dev.contentcreator.embedded.sqlite.Statements;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tasks port on the SQLite file, with Cloud Tasks' semantics: a task name is taken once per
 * queue (and stays taken for the retention window after the task ends), a task runs at or after
 * its schedule time, failures are retried by the queue's {@link QueueConfig}, and a task out of
 * attempts is kept as {@link WorkState#DEAD} with its last error.
 *
 * <p>Any process may {@link #enqueue}; the process that runs the work registers handlers,
 * configures its queues and calls {@link #start()}. A running task is leased and its lease renewed
 * while it runs; when a process dies its leases expire and the tasks run again (the lost attempt
 * counts as failed). Thread-safe.
 */
public final class SqliteTaskQueue extends LeasedQueue implements TaskQueue {
  /** The largest payload, as UTF-8 JSON: Cloud Tasks' task size limit. */
  public static final int MAX_PAYLOAD_BYTES = 100_000;

  private static final LeasedRows.Shape TASKS = new LeasedRows.Shape("queue_tasks", List.of("queue", "name"),
      List.of("first_attempt_at"), true, "attempt");

  private final Map<String, TaskHandler> handlers = new ConcurrentHashMap<>();
  private final Map<String, QueueConfig> queues = new ConcurrentHashMap<>();

  private SqliteTaskQueue(Builder builder) {
    super(builder.settings(), TASKS, "cc-tasks");
  }

  /** Opens the queue in {@code file} (creating it if needed) with the default settings. */
  public static SqliteTaskQueue open(Path file) {
    return builder(file).build();
  }

  public static Builder builder(Path file) {
    return new Builder(file);
  }

  /** Runs the tasks whose handler is {@code name} with {@code handler} in this process. */
  public SqliteTaskQueue registerHandler(String name, TaskHandler handler) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(handler, "handler");
    if (handlers.putIfAbsent(name, handler) != null) {
      throw new IllegalStateException("a task handler named '" + name + "' is already registered");
    }
    wake();
    return this;
  }

  /** Sets the retry and dispatch settings of {@code config.queue()}; unconfigured queues use the defaults. */
  public SqliteTaskQueue configureQueue(QueueConfig config) {
    Objects.requireNonNull(config, "config");
    queues.put(config.queue(), config);
    wake();
    return this;
  }

  /** The settings in force for {@code queue}. */
  public QueueConfig queueConfig(String queue) {
    Objects.requireNonNull(queue, "queue");
    return queues.getOrDefault(queue, QueueConfig.defaults(queue));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if the payload is over {@value #MAX_PAYLOAD_BYTES} bytes as JSON
   */
  @Override
  public boolean enqueue(Task task) {
    return enqueueAll(List.of(Objects.requireNonNull(task, "task"))) == 1;
  }

  /**
   * All of {@code tasks} in one write transaction: a job's fan-out made one transaction per item
   * before, a fifth of the writes of a generation run. Every task is checked before any is stored,
   * so a bad one stores none.
   *
   * @throws IllegalArgumentException if a payload is over {@value #MAX_PAYLOAD_BYTES} bytes as JSON
   */
  @Override
  public int enqueueAll(List<Task> tasks) {
    List<String> payloads = new ArrayList<>(tasks.size());
    for (Task task : tasks) {
      Objects.requireNonNull(task, "task");
      if (task.handler().isBlank()) {
        throw new IllegalArgumentException("a task needs a handler name");
      }
      String payload = task.payload().toString();
      int size = payload.getBytes(StandardCharsets.UTF_8).length;
      if (size > MAX_PAYLOAD_BYTES) {
        throw new IllegalArgumentException("the payload of task " + task.queue() + "/" + task.name() + " is " + size
            + " bytes; the limit is " + MAX_PAYLOAD_BYTES);
      }
      payloads.add(payload);
    }
    if (tasks.isEmpty()) {
      return 0;
    }
    String what = tasks.size() == 1 ? "enqueue " + tasks.get(0).queue() + "/" + tasks.get(0).name()
        : "enqueue " + tasks.size() + " tasks";
    int created = database.write(what, c -> {
      long now = clock.millis();
      int made = 0;
      for (int i = 0; i < tasks.size(); i++) {
        Task task = tasks.get(i);
        try (PreparedStatement expired = Statements.prepare(c, "DELETE FROM queue_tasks WHERE queue = ? AND name = ?"
            + " AND state = 'done' AND finished_at <= ?")) {
          expired.setString(1, task.queue());
          expired.setString(2, task.name());
          expired.setLong(3, now - settings.retention().toMillis());
          expired.executeUpdate();
        }
        try (PreparedStatement insert = Statements.prepare(c, "INSERT INTO queue_tasks"
            + " (queue, name, handler, payload, state, due_at, created_at) VALUES (?, ?, ?, ?, 'pending', ?, ?)"
            + " ON CONFLICT (queue, name) DO NOTHING")) {
          insert.setString(1, task.queue());
          insert.setString(2, task.name());
          insert.setString(3, task.handler());
          insert.setString(4, payloads.get(i));
          insert.setLong(5, LeasedRows.ceilMillis(task.scheduleTime()));
          insert.setLong(6, now);
          made += insert.executeUpdate();
        }
      }
      return made;
    });
    if (created > 0) {
      wake();
    }
    return created;
  }

  /** How many tasks of {@code queue} are in each state. */
  public QueueStats stats(String queue) {
    Objects.requireNonNull(queue, "queue");
    return rows.stats("queue", queue);
  }

  /** The task named {@code name} in {@code queue}, if the queue still holds it. */
  public Optional<TaskRecord> find(String queue, String name) {
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(name, "name");
    List<TaskRecord> found = database.read("read task " + queue + "/" + name,
        c -> records(c, "WHERE queue = ? AND name = ?", queue, name));
    return found.stream().findFirst();
  }

  /** The tasks of {@code queue} that ran out of attempts, oldest failure first. */
  public List<TaskRecord> deadTasks(String queue) {
    Objects.requireNonNull(queue, "queue");
    return database.read("list the dead tasks of " + queue,
        c -> records(c, "WHERE queue = ? AND state = 'dead' ORDER BY finished_at, name", queue));
  }

  /**
   * Forgets finished tasks older than the retention window, freeing their names; dead tasks stay.
   * The dispatcher does this every minute; returns how many it removed.
   */
  @Override
  public int purgeExpired() {
    return database.write("purge finished tasks",
        c -> rows.purgeDone(c, clock.millis() - settings.retention().toMillis()));
  }

  private static List<TaskRecord> records(Connection c, String where, String... args) throws SQLException {
    List<TaskRecord> records = new ArrayList<>();
    try (PreparedStatement select = Statements.prepare(c, "SELECT queue, name, handler, payload, state, attempts,"
        + " due_at, first_attempt_at, last_error, finished_at FROM queue_tasks " + where)) {
      for (int i = 0; i < args.length; i++) {
        select.setString(i + 1, args[i]);
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          records.add(new TaskRecord(rows.getString(1), rows.getString(2), rows.getString(3),
              JsonParser.parseString(rows.getString(4)).getAsJsonObject(), WorkState.ofColumn(rows.getString(5)),
              rows.getInt(6), Instant.ofEpochMilli(rows.getLong(7)), instantOrNull(rows, 8), rows.getString(9),
              instantOrNull(rows, 10)));
        }
      }
    }
    return records;
  }

  private static Instant instantOrNull(ResultSet rows, int column) throws SQLException {
    long value = rows.getLong(column);
    return rows.wasNull() ? null : Instant.ofEpochMilli(value);
  }

  /**
   * Picks due tasks whose handler runs here, queue by queue, within each queue's
   * {@code maxConcurrentDispatches}, and leases them; in the claim's transaction.
   */
  @Override
  List<Dispatcher.Job> claimDue(Connection c, long now, int capacity) throws SQLException {
    List<String> names = new ArrayList<>(handlers.keySet());
    if (names.isEmpty()) {
      return List.of();
    }
    String handlerList = String.join(", ", names.stream().map(n -> "?").toList());
    Map<String, Long> running = runningByQueue(c);
    List<String> dueQueues = new ArrayList<>();
    try (PreparedStatement select = Statements.prepare(c, "SELECT DISTINCT queue FROM queue_tasks"
        + " WHERE state = 'pending' AND due_at <= ? AND handler IN (" + handlerList + ") ORDER BY queue")) {
      select.setLong(1, now);
      bind(select, 2, names);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          dueQueues.add(rows.getString(1));
        }
      }
    }
    List<Dispatcher.Job> jobs = new ArrayList<>();
    for (String queue : dueQueues) {
      long room = Math.min(capacity - jobs.size(),
          queueConfig(queue).maxConcurrentDispatches() - running.getOrDefault(queue, 0L));
      if (room > 0) {
        jobs.addAll(claimFrom(c, queue, now, room, names, handlerList));
      }
      if (jobs.size() >= capacity) {
        break;
      }
    }
    return jobs;
  }

  /**
   * Up to {@code room} due tasks of one queue, the ones tried again first, then by due time. A
   * passing failure would otherwise wait behind the whole backlog of fresh items, and a job ends
   * with its last item; Cloud Tasks promises no order at all, so this is the embedded queue's own
   * choice. The index is named: left to itself, the planner took the due-time index and sorted
   * every due task for each claim.
   */
  private List<TaskJob> claimFrom(Connection c, String queue, long now, long room, List<String> names,
      String handlerList) throws SQLException {
    List<TaskJob> jobs = new ArrayList<>();
    try (PreparedStatement select = Statements.prepare(c, "SELECT name, handler, payload, attempts, first_attempt_at"
        + " FROM queue_tasks INDEXED BY queue_tasks_again_first"
        + " WHERE queue = ? AND state = 'pending' AND due_at <= ? AND handler IN (" + handlerList
        + ") ORDER BY attempts = 0, due_at, created_at, name LIMIT ?")) {
      select.setString(1, queue);
      select.setLong(2, now);
      int next = bind(select, 3, names);
      select.setLong(next, room);
      try (ResultSet found = select.executeQuery()) {
        while (found.next()) {
          long first = found.getLong(5);
          long firstAttemptAt = found.wasNull() ? now : first;
          jobs.add(new TaskJob(new LeasedRows.Lease(List.of(queue, found.getString(1)), found.getInt(4) + 1,
              List.of(firstAttemptAt)), found.getString(2), found.getString(3)));
        }
      }
    }
    rows.lease(c, jobs.stream().map(job -> job.lease.key()).toList(), now);
    return jobs;
  }

  private static Map<String, Long> runningByQueue(Connection c) throws SQLException {
    Map<String, Long> running = new TreeMap<>();
    try (PreparedStatement select = Statements.prepare(c,
        "SELECT queue, count(*) FROM queue_tasks WHERE state = 'running' GROUP BY queue");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        running.put(rows.getString(1), rows.getLong(2));
      }
    }
    return running;
  }

  private static int bind(PreparedStatement statement, int from, List<String> values) throws SQLException {
    int index = from;
    for (String value : values) {
      statement.setString(index++, value);
    }
    return index;
  }

  /**
   * Records a failed attempt with Cloud Tasks' rules: dead when the queue's attempts or retry
   * duration are spent, else pending again after the backoff that doubles per attempt (or after
   * {@code notBefore}, whichever is later).
   */
  @Override
  void recordFailure(Connection c, LeasedRows.Lease lease, long failedAt, String error,
      Duration notBefore) throws SQLException {
    QueueConfig config = queueConfig((String) lease.key().get(0));
    long firstAttemptAt = ((Number) lease.context().get(0)).longValue();
    Duration sinceFirst = Duration.ofMillis(Math.max(0, failedAt - firstAttemptAt));
    if (config.givesUpAfter(lease.attempt(), sinceFirst)) {
      rows.bury(c, lease.key(), failedAt, error);
      return;
    }
    Duration wait = config.backoffAfter(lease.attempt());
    if (notBefore.compareTo(wait) > 0) {
      wait = notBefore;
    }
    rows.retryAt(c, lease.key(), failedAt + LeasedRows.ceilMillis(wait), error);
  }

  /** One leased attempt of one task. */
  private final class TaskJob implements Dispatcher.Job {
    private final LeasedRows.Lease lease;
    private final String handler;
    private final String payload;

    TaskJob(LeasedRows.Lease lease, String handler, String payload) {
      this.lease = lease;
      this.handler = handler;
      this.payload = payload;
    }

    private String queue() {
      return (String) lease.key().get(0);
    }

    private String name() {
      return (String) lease.key().get(1);
    }

    @Override
    public Duration deadline() {
      return queueConfig(queue()).dispatchDeadline();
    }

    @Override
    public void run() throws Exception {
      TaskHandler code = handlers.get(handler);
      if (code == null) {
        throw new IllegalStateException("no handler named '" + handler + "' is registered");
      }
      JsonObject body = JsonParser.parseString(payload).getAsJsonObject();
      Instant firstAttemptAt = Instant.ofEpochMilli(((Number) lease.context().get(0)).longValue());
      code.handle(new TaskHandler.Context(queue(), name(), lease.attempt(), firstAttemptAt), body);
    }

    @Override
    public void succeeded() {
      rows.succeeded("finish task " + queue() + "/" + name(), lease);
    }

    @Override
    public void failed(Throwable error) {
      Duration notBefore = error instanceof TaskHandler.RetryLaterException later && later.after() != null
          && !later.after().isNegative() ? later.after() : Duration.ZERO;
      rows.failed("record a failed attempt of " + queue() + "/" + name(), lease,
          LeasedRows.ceilMillis(clock.instant()), error, notBefore);
    }
  }

  /** Settings of a {@link SqliteTaskQueue}; each setter checks its argument. */
  public static final class Builder extends DispatchBuilder<SqliteTaskQueue, Builder> {
    private Builder(Path file) {
      super(file);
    }

    @Override
    Builder self() {
      return this;
    }

    @Override
    public SqliteTaskQueue build() {
      return new SqliteTaskQueue(this);
    }
  }
}
