package dev.contentcreator.embedded.queue;

import dev.contentcreator.embedded.sqlite.SqliteFile;
import dev.contentcreator.embedded.sqlite.Statements;
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
import java.util.UUID;

/**
 * The work both queues share, over one table shape: rows keyed by two columns with {@code state},
 * {@code due_at}, {@code attempts}, {@code lease_until}, {@code lease_owner}, {@code last_error} and
 * {@code finished_at}. It leases due rows to this process, renews the leases while the work runs,
 * settles an attempt (done, retry at a time, dead) only while the lease is still ours, reaps leases
 * that ran out (the process running them stopped: that attempt failed), and counts rows by state.
 * What a failure means (retry when, give up when, what else to write) is the {@link Failures} of the
 * queue that owns the table: Cloud Tasks' semantics in {@link SqliteTaskQueue}, Pub/Sub's in
 * {@link SqliteEventBus}. Thread-safe.
 */
final class LeasedRows implements Dispatcher.Source {
  private static final int MAX_ERROR_CHARS = 4_000;

  private final SqliteFile file;
  private final Shape shape;
  private final Clock clock;
  private final Duration leaseDuration;
  private final Failures failures;
  private final Claims claims;
  private final Runnable housekeeping;
  private final String owner = UUID.randomUUID().toString();
  private final String keyMatch;

  LeasedRows(SqliteFile file, Shape shape, DispatchSettings settings, Failures failures, Claims claims,
      Runnable housekeeping) {
    this.file = file;
    this.shape = shape;
    this.clock = settings.clock();
    this.leaseDuration = settings.leaseDuration();
    this.failures = failures;
    this.claims = claims;
    this.housekeeping = housekeeping;
    this.keyMatch = shape.keys().get(0) + " = ? AND " + shape.keys().get(1) + " = ?";
  }

  /**
   * The table's name and columns: the two that key a row, the ones a failure needs besides the key
   * ({@code context}), whether it records the first attempt's time, and what a lease is called in
   * errors ("attempt", "delivery").
   */
  record Shape(String table, List<String> keys, List<String> context, boolean firstAttempt, String attemptWord) {}

  /** One leased attempt: the row's key, the attempt number (from 1) and its context columns. */
  record Lease(List<Object> key, int attempt, List<Object> context) {}

  /** What the owning queue does with a failed attempt, in the claim's or the outcome's transaction. */
  @FunctionalInterface
  interface Failures {
    void record(Connection c, Lease lease, long failedAt, String error, Duration notBefore) throws SQLException;
  }

  /** How the owning queue picks due rows (and makes jobs of them); it calls {@link #lease} on them. */
  @FunctionalInterface
  interface Claims {
    List<Dispatcher.Job> claim(Connection c, long now, int capacity) throws SQLException;
  }

  /** An outcome written while the lease is still ours. */
  @FunctionalInterface
  interface Outcome {
    void write(Connection c) throws SQLException;
  }

  @Override
  public List<Dispatcher.Job> claim(int capacity) {
    return file.write("claim due rows of " + shape.table(), c -> {
      long now = clock.millis();
      reapExpiredLeases(c, now);
      return claims.claim(c, now, capacity);
    });
  }

  @Override
  public long nextWakeAt() {
    long now = clock.millis();
    return file.read("find the next due row of " + shape.table(), c -> {
      try (PreparedStatement select = Statements.prepare(c, "SELECT min(t) FROM ("
          + " SELECT min(due_at) AS t FROM " + shape.table() + " WHERE state = 'pending' AND due_at > ?"
          + " UNION ALL SELECT min(lease_until) FROM " + shape.table()
          + " WHERE state = 'running' AND lease_until > ?)")) {
        select.setLong(1, now);
        select.setLong(2, now);
        try (ResultSet rows = select.executeQuery()) {
          long next = rows.next() ? rows.getLong(1) : 0;
          return rows.wasNull() ? Long.MAX_VALUE : next;
        }
      }
    });
  }

  @Override
  public void renewLeases() {
    file.write("renew leases in " + shape.table(), c -> {
      try (PreparedStatement renew = Statements.prepare(c, "UPDATE " + shape.table() + " SET lease_until = ?"
          + " WHERE state = 'running' AND lease_owner = ?")) {
        renew.setLong(1, clock.millis() + leaseDuration.toMillis());
        renew.setString(2, owner);
        return renew.executeUpdate();
      }
    });
  }

  @Override
  public void housekeeping() {
    housekeeping.run();
  }

  /** Leases the rows {@code keys} name to this process: running, one more attempt, until the lease ends. */
  void lease(Connection c, List<List<Object>> keys, long now) throws SQLException {
    try (PreparedStatement lease = Statements.prepare(c, "UPDATE " + shape.table() + " SET state = 'running',"
        + " attempts = attempts + 1, lease_until = ?, lease_owner = ?"
        + (shape.firstAttempt() ? ", first_attempt_at = coalesce(first_attempt_at, ?)" : "")
        + " WHERE " + keyMatch)) {
      for (List<Object> row : keys) {
        int next = 1;
        lease.setLong(next++, now + leaseDuration.toMillis());
        lease.setString(next++, owner);
        if (shape.firstAttempt()) {
          lease.setLong(next++, now);
        }
        bindKey(lease, next, row);
        lease.addBatch();
      }
      lease.executeBatch();
    }
  }

  /** Marks the attempt done, if the lease is still ours; otherwise the outcome is dropped. */
  void succeeded(String what, Lease lease) {
    settle(what, lease, c -> finish(c, lease.key(), "done", clock.millis(), null));
  }

  /** Hands the failed attempt to the queue's {@link Failures}, if the lease is still ours. */
  void failed(String what, Lease lease, long failedAt, Throwable error, Duration notBefore) {
    settle(what, lease, c -> failures.record(c, lease, failedAt, describe(error), notBefore));
  }

  /** Ends the row's attempts for good: dead, kept with its last error. */
  void bury(Connection c, List<Object> key, long at, String error) throws SQLException {
    finish(c, key, "dead", at, error);
  }

  /** Puts the row back to wait until {@code dueAt}, keeping {@code error} as its last. */
  void retryAt(Connection c, List<Object> key, long dueAt, String error) throws SQLException {
    try (PreparedStatement retry = Statements.prepare(c, "UPDATE " + shape.table() + " SET state = 'pending',"
        + " due_at = ?, lease_until = NULL, lease_owner = NULL, last_error = ? WHERE " + keyMatch)) {
      retry.setLong(1, dueAt);
      retry.setString(2, error);
      bindKey(retry, 3, key);
      retry.executeUpdate();
    }
  }

  /** How many rows whose {@code column} is {@code value} are in each state. */
  QueueStats stats(String column, String value) {
    Map<WorkState, Long> counts = file.read("count the rows of " + value, c -> {
      Map<WorkState, Long> byState = new EnumMap<>(WorkState.class);
      try (PreparedStatement select = Statements.prepare(c,
          "SELECT state, count(*) FROM " + shape.table() + " WHERE " + column + " = ? GROUP BY state")) {
        select.setString(1, value);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            byState.put(WorkState.ofColumn(rows.getString(1)), rows.getLong(2));
          }
        }
      }
      return byState;
    });
    return new QueueStats(value, counts.getOrDefault(WorkState.PENDING, 0L),
        counts.getOrDefault(WorkState.RUNNING, 0L), counts.getOrDefault(WorkState.DONE, 0L),
        counts.getOrDefault(WorkState.DEAD, 0L));
  }

  /** Deletes the done rows that finished at or before {@code cutoff}; dead rows stay. */
  int purgeDone(Connection c, long cutoff) throws SQLException {
    try (PreparedStatement delete = Statements.prepare(c,
        "DELETE FROM " + shape.table() + " WHERE state = 'done' AND finished_at <= ?")) {
      delete.setLong(1, cutoff);
      return delete.executeUpdate();
    }
  }

  static long ceilMillis(Instant instant) {
    long millis = instant.toEpochMilli();
    return instant.getNano() % 1_000_000 == 0 ? millis : millis + 1;
  }

  static long ceilMillis(Duration duration) {
    long millis = duration.toMillis();
    return duration.minusMillis(millis).isZero() ? millis : millis + 1;
  }

  static String describe(Throwable error) {
    String text = error.getClass().getName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
    return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS);
  }

  private void settle(String what, Lease lease, Outcome outcome) {
    file.write(what, c -> {
      if (stillOurs(c, lease)) {
        outcome.write(c);
      }
      return null;
    });
  }

  /** False when the lease ran out and the row moved on without us. */
  private boolean stillOurs(Connection c, Lease lease) throws SQLException {
    try (PreparedStatement select = Statements.prepare(c, "SELECT 1 FROM " + shape.table() + " WHERE " + keyMatch
        + " AND state = 'running' AND lease_owner = ? AND attempts = ?")) {
      int next = bindKey(select, 1, lease.key());
      select.setString(next++, owner);
      select.setInt(next, lease.attempt());
      try (ResultSet rows = select.executeQuery()) {
        return rows.next();
      }
    }
  }

  private void finish(Connection c, List<Object> key, String state, long at, String error) throws SQLException {
    try (PreparedStatement finish = Statements.prepare(c, "UPDATE " + shape.table() + " SET state = ?,"
        + " finished_at = ?, lease_until = NULL, lease_owner = NULL, last_error = ? WHERE " + keyMatch)) {
      finish.setString(1, state);
      finish.setLong(2, at);
      finish.setString(3, error);
      bindKey(finish, 4, key);
      finish.executeUpdate();
    }
  }

  /** A lease that ran out means its process stopped mid-attempt: that attempt failed when the lease ended. */
  private void reapExpiredLeases(Connection c, long now) throws SQLException {
    record Expired(Lease lease, long leaseEnd) {}
    List<Expired> expired = new ArrayList<>();
    List<String> columns = new ArrayList<>(shape.keys());
    columns.addAll(List.of("attempts", "lease_until"));
    columns.addAll(shape.context());
    try (PreparedStatement select = Statements.prepare(c, "SELECT " + String.join(", ", columns) + " FROM "
        + shape.table() + " WHERE state = 'running' AND lease_until <= ?")) {
      select.setLong(1, now);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          List<Object> context = new ArrayList<>();
          for (int i = 0; i < shape.context().size(); i++) {
            context.add(rows.getObject(5 + i));
          }
          expired.add(new Expired(new Lease(List.of(rows.getObject(1), rows.getObject(2)), rows.getInt(3),
              context), rows.getLong(4)));
        }
      }
    }
    for (Expired row : expired) {
      failures.record(c, row.lease(), row.leaseEnd(), "the lease of " + shape.attemptWord() + " "
          + row.lease().attempt() + " expired: the process running it stopped", Duration.ZERO);
    }
  }

  private static int bindKey(PreparedStatement statement, int from, List<Object> key) throws SQLException {
    statement.setObject(from, key.get(0));
    statement.setObject(from + 1, key.get(1));
    return from + 2;
  }
}
