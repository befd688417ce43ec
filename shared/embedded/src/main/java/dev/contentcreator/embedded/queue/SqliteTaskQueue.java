package dev.contentcreator.embedded.queue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.core.ports.TaskHandler;
import dev.contentcreator.core.ports.TaskQueue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
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
public final class SqliteTaskQueue implements TaskQueue, AutoCloseable {
  /** The largest payload, as UTF-8 JSON: Cloud Tasks' task size limit. */
  public static final int MAX_PAYLOAD_BYTES = 100_000;

  private static final int MAX_ERROR_CHARS = 4_000;

  private final DispatchSettings settings;
  private final Clock clock;
  private final QueueDatabase database;
  private final String owner = UUID.randomUUID().toString();
  private final Map<String, TaskHandler> handlers = new ConcurrentHashMap<>();
  private final Map<String, QueueConfig> queues = new ConcurrentHashMap<>();
  private final Dispatcher dispatcher;

  private SqliteTaskQueue(Builder builder) {
    this.settings = builder.settings();
    this.clock = settings.clock();
    this.database = new QueueDatabase(settings.file(), settings.busyTimeout());
    this.dispatcher = new Dispatcher("cc-tasks", new TaskSource(), clock, settings);
  }

  /** Opens the queue in {@code file} (creating it if needed) with the default settings. */
  public static SqliteTaskQueue open(Path file) {
    return builder(file).build();
  }

  public static Builder builder(Path file) {
    return new Builder(file);
  }

  /** The database file. */
  public Path file() {
    return settings.file();
  }

  /** Runs the tasks whose handler is {@code name} with {@code handler} in this process. */
  public SqliteTaskQueue registerHandler(String name, TaskHandler handler) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(handler, "handler");
    if (handlers.putIfAbsent(name, handler) != null) {
      throw new IllegalStateException("a task handler named '" + name + "' is already registered");
    }
    dispatcher.wake();
    return this;
  }

  /** Sets the retry and dispatch settings of {@code config.queue()}; unconfigured queues use the defaults. */
  public SqliteTaskQueue configureQueue(QueueConfig config) {
    Objects.requireNonNull(config, "config");
    queues.put(config.queue(), config);
    dispatcher.wake();
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
    long dueAt = ceilMillis(task.scheduleTime());
    boolean created = database.write("enqueue " + task.queue() + "/" + task.name(), c -> {
      long now = clock.millis();
      try (PreparedStatement expired = c.prepareStatement("DELETE FROM queue_tasks WHERE queue = ? AND name = ?"
          + " AND state = 'done' AND finished_at <= ?")) {
        expired.setString(1, task.queue());
        expired.setString(2, task.name());
        expired.setLong(3, now - settings.retention().toMillis());
        expired.executeUpdate();
      }
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO queue_tasks"
          + " (queue, name, handler, payload, state, due_at, created_at) VALUES (?, ?, ?, ?, 'pending', ?, ?)"
          + " ON CONFLICT (queue, name) DO NOTHING")) {
        insert.setString(1, task.queue());
        insert.setString(2, task.name());
        insert.setString(3, task.handler());
        insert.setString(4, payload);
        insert.setLong(5, dueAt);
        insert.setLong(6, now);
        return insert.executeUpdate() == 1;
      }
    });
    if (created) {
      dispatcher.wake();
    }
    return created;
  }

  /** Starts dispatching due tasks to the registered handlers. A second call does nothing. */
  public void start() {
    dispatcher.start();
  }

  /** How many tasks of {@code queue} are in each state. */
  public QueueStats stats(String queue) {
    Objects.requireNonNull(queue, "queue");
    Map<WorkState, Long> counts = database.read("count the tasks of " + queue, c -> {
      Map<WorkState, Long> byState = new EnumMap<>(WorkState.class);
      try (PreparedStatement select = c.prepareStatement(
          "SELECT state, count(*) FROM queue_tasks WHERE queue = ? GROUP BY state")) {
        select.setString(1, queue);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            byState.put(WorkState.ofColumn(rows.getString(1)), rows.getLong(2));
          }
        }
      }
      return byState;
    });
    return new QueueStats(queue, counts.getOrDefault(WorkState.PENDING, 0L),
        counts.getOrDefault(WorkState.RUNNING, 0L), counts.getOrDefault(WorkState.DONE, 0L),
        counts.getOrDefault(WorkState.DEAD, 0L));
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
  public int purgeExpired() {
    return database.write("purge finished tasks", c -> {
      try (PreparedStatement delete = c.prepareStatement(
          "DELETE FROM queue_tasks WHERE state = 'done' AND finished_at <= ?")) {
        delete.setLong(1, clock.millis() - settings.retention().toMillis());
        return delete.executeUpdate();
      }
    });
  }

  /** Makes the dispatcher look for due work now (after a test moves its clock, say). */
  void wake() {
    dispatcher.wake();
  }

  /**
   * Stops taking tasks, waits up to the shutdown timeout for running ones, and closes the
   * connection. Tasks still running after that keep their leases, which expire, so they run again.
   */
  @Override
  public void close() {
    if (database.isClosed()) {
      return;
    }
    dispatcher.close();
    database.close();
  }

  static long ceilMillis(Instant instant) {
    long millis = instant.toEpochMilli();
    return instant.getNano() % 1_000_000 == 0 ? millis : millis + 1;
  }

  static long ceilMillis(Duration duration) {
    long millis = duration.toMillis();
    return duration.minusMillis(millis).isZero() ? millis : millis + 1;
  }

  private static List<TaskRecord> records(Connection c, String where, String... args) throws SQLException {
    List<TaskRecord> records = new ArrayList<>();
    try (PreparedStatement select = c.prepareStatement("SELECT queue, name, handler, payload, state, attempts,"
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

  static String describe(Throwable error) {
    String text = error.getClass().getName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
    return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS);
  }

  /** The queue's side of the dispatcher: claims, leases and outcomes, each one write transaction. */
  private final class TaskSource implements Dispatcher.Source {

    @Override
    public List<Dispatcher.Job> claim(int capacity) {
      List<String> names = new ArrayList<>(handlers.keySet());
      return database.write("claim due tasks", c -> {
        long now = clock.millis();
        reapExpiredLeases(c, now);
        if (names.isEmpty()) {
          return List.of();
        }
        String handlerList = String.join(", ", names.stream().map(n -> "?").toList());
        Map<String, Long> running = runningByQueue(c);
        List<String> dueQueues = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT DISTINCT queue FROM queue_tasks"
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
      });
    }

    private List<Dispatcher.Job> claimFrom(Connection c, String queue, long now, long room, List<String> names,
        String handlerList) throws SQLException {
      List<Dispatcher.Job> jobs = new ArrayList<>();
      try (PreparedStatement select = c.prepareStatement("SELECT name, handler, payload, attempts, first_attempt_at"
          + " FROM queue_tasks WHERE queue = ? AND state = 'pending' AND due_at <= ? AND handler IN (" + handlerList
          + ") ORDER BY due_at, created_at, name LIMIT ?")) {
        select.setString(1, queue);
        select.setLong(2, now);
        int next = bind(select, 3, names);
        select.setLong(next, room);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            long first = rows.getLong(5);
            Instant firstAttemptAt = Instant.ofEpochMilli(rows.wasNull() ? now : first);
            jobs.add(new TaskJob(queue, rows.getString(1), rows.getString(2), rows.getString(3),
                rows.getInt(4) + 1, firstAttemptAt));
          }
        }
      }
      try (PreparedStatement lease = c.prepareStatement("UPDATE queue_tasks SET state = 'running',"
          + " attempts = attempts + 1, first_attempt_at = coalesce(first_attempt_at, ?), lease_until = ?,"
          + " lease_owner = ? WHERE queue = ? AND name = ?")) {
        for (Dispatcher.Job job : jobs) {
          TaskJob task = (TaskJob) job;
          lease.setLong(1, now);
          lease.setLong(2, now + settings.leaseDuration().toMillis());
          lease.setString(3, owner);
          lease.setString(4, queue);
          lease.setString(5, task.name);
          lease.addBatch();
        }
        lease.executeBatch();
      }
      return jobs;
    }

    private Map<String, Long> runningByQueue(Connection c) throws SQLException {
      Map<String, Long> running = new TreeMap<>();
      try (PreparedStatement select = c.prepareStatement(
          "SELECT queue, count(*) FROM queue_tasks WHERE state = 'running' GROUP BY queue");
          ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          running.put(rows.getString(1), rows.getLong(2));
        }
      }
      return running;
    }

    /** A lease that ran out means its process stopped mid-attempt: that attempt failed. */
    private void reapExpiredLeases(Connection c, long now) throws SQLException {
      List<Object[]> expired = new ArrayList<>();
      try (PreparedStatement select = c.prepareStatement("SELECT queue, name, attempts, first_attempt_at, lease_until"
          + " FROM queue_tasks WHERE state = 'running' AND lease_until <= ?")) {
        select.setLong(1, now);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            expired.add(new Object[] {rows.getString(1), rows.getString(2), rows.getInt(3), rows.getLong(4),
                rows.getLong(5)});
          }
        }
      }
      for (Object[] row : expired) {
        String queue = (String) row[0];
        int attempts = (Integer) row[2];
        long leaseEnd = (Long) row[4];
        recordFailure(c, queue, (String) row[1], attempts, Instant.ofEpochMilli((Long) row[3]), leaseEnd,
            "the lease of attempt " + attempts + " expired: the process running it stopped", Duration.ZERO);
      }
    }

    @Override
    public long nextWakeAt() {
      return database.nextWakeAt("queue_tasks", clock.millis());
    }

    @Override
    public void renewLeases() {
      database.renewLeases("queue_tasks", owner, clock.millis() + settings.leaseDuration().toMillis());
    }

    @Override
    public void housekeeping() {
      purgeExpired();
    }
  }

  private static int bind(PreparedStatement statement, int from, List<String> values) throws SQLException {
    int index = from;
    for (String value : values) {
      statement.setString(index++, value);
    }
    return index;
  }

  /**
   * Records a failed attempt: dead when the queue's limits are spent, else pending again after the
   * backoff (or after {@code notBefore}, whichever is later).
   */
  private void recordFailure(Connection c, String queue, String name, int attempts, Instant firstAttemptAt,
      long failedAt, String error, Duration notBefore) throws SQLException {
    QueueConfig config = queueConfig(queue);
    Duration sinceFirst = Duration.ofMillis(Math.max(0, failedAt - firstAttemptAt.toEpochMilli()));
    if (config.givesUpAfter(attempts, sinceFirst)) {
      try (PreparedStatement dead = c.prepareStatement("UPDATE queue_tasks SET state = 'dead', finished_at = ?,"
          + " lease_until = NULL, lease_owner = NULL, last_error = ? WHERE queue = ? AND name = ?")) {
        dead.setLong(1, failedAt);
        dead.setString(2, error);
        dead.setString(3, queue);
        dead.setString(4, name);
        dead.executeUpdate();
      }
      return;
    }
    Duration wait = config.backoffAfter(attempts);
    if (notBefore.compareTo(wait) > 0) {
      wait = notBefore;
    }
    try (PreparedStatement retry = c.prepareStatement("UPDATE queue_tasks SET state = 'pending', due_at = ?,"
        + " lease_until = NULL, lease_owner = NULL, last_error = ? WHERE queue = ? AND name = ?")) {
      retry.setLong(1, failedAt + ceilMillis(wait));
      retry.setString(2, error);
      retry.setString(3, queue);
      retry.setString(4, name);
      retry.executeUpdate();
    }
  }

  /** One leased attempt of one task. */
  private final class TaskJob implements Dispatcher.Job {
    private final String queue;
    private final String name;
    private final String handler;
    private final String payload;
    private final int attempt;
    private final Instant firstAttemptAt;

    TaskJob(String queue, String name, String handler, String payload, int attempt, Instant firstAttemptAt) {
      this.queue = queue;
      this.name = name;
      this.handler = handler;
      this.payload = payload;
      this.attempt = attempt;
      this.firstAttemptAt = firstAttemptAt;
    }

    @Override
    public Duration deadline() {
      return queueConfig(queue).dispatchDeadline();
    }

    @Override
    public void run() throws Exception {
      TaskHandler code = handlers.get(handler);
      if (code == null) {
        throw new IllegalStateException("no handler named '" + handler + "' is registered");
      }
      JsonObject body = JsonParser.parseString(payload).getAsJsonObject();
      code.handle(new TaskHandler.Context(queue, name, attempt, firstAttemptAt), body);
    }

    @Override
    public void succeeded() {
      database.write("finish task " + queue + "/" + name, c -> {
        if (stillOurs(c)) {
          try (PreparedStatement done = c.prepareStatement("UPDATE queue_tasks SET state = 'done', finished_at = ?,"
              + " lease_until = NULL, lease_owner = NULL, last_error = NULL WHERE queue = ? AND name = ?")) {
            done.setLong(1, clock.millis());
            done.setString(2, queue);
            done.setString(3, name);
            done.executeUpdate();
          }
        }
        return null;
      });
    }

    @Override
    public void failed(Throwable error) {
      Duration notBefore = error instanceof TaskHandler.RetryLaterException later && later.after() != null
          && !later.after().isNegative() ? later.after() : Duration.ZERO;
      database.write("record a failed attempt of " + queue + "/" + name, c -> {
        if (stillOurs(c)) {
          recordFailure(c, queue, name, attempt, firstAttemptAt, ceilMillis(clock.instant()), describe(error),
              notBefore);
        }
        return null;
      });
    }

    /** False when the lease ran out and the row moved on without us; then the outcome is dropped. */
    private boolean stillOurs(Connection c) throws SQLException {
      try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM queue_tasks WHERE queue = ? AND name = ?"
          + " AND state = 'running' AND lease_owner = ? AND attempts = ?")) {
        select.setString(1, queue);
        select.setString(2, name);
        select.setString(3, owner);
        select.setInt(4, attempt);
        try (ResultSet rows = select.executeQuery()) {
          return rows.next();
        }
      }
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
