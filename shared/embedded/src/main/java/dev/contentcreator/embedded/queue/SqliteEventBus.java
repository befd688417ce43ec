package dev.contentcreator.embedded.queue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.core.ports.EventBus;
import dev.contentcreator.core.ports.EventHandler;
import dev.contentcreator.embedded.sqlite.Statements;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The events port on the SQLite file, with the semantics of a Pub/Sub push subscription: a
 * published message is stored before {@link #publish} returns and delivered at least once to each
 * subscription of its topic, retried with exponential backoff while the handler fails or overruns
 * its ack deadline, and after the subscription's maximum delivery attempts copied to its
 * dead-letter topic and kept as a {@link DeadMessage}.
 *
 * <p>Subscriptions are durable: once {@link #subscribe}d, a topic's messages are kept for that
 * subscription even while no process runs its handler. As in Pub/Sub, a message published before a
 * subscription existed is not delivered to it. Leases, crash recovery and shutdown work as in
 * {@link SqliteTaskQueue}. Thread-safe.
 */
public final class SqliteEventBus extends LeasedQueue implements EventBus {
  /** The largest message, as UTF-8 JSON of data and attributes: Pub/Sub's 10 MB. */
  public static final int MAX_MESSAGE_BYTES = 10_000_000;

  /** The attribute a dead-lettered copy carries: how many deliveries were tried. */
  public static final String DEAD_LETTER_DELIVERY_COUNT = "CloudPubSubDeadLetterSourceDeliveryCount";
  /** The attribute a dead-lettered copy carries: the subscription (topic/handler) that gave up. */
  public static final String DEAD_LETTER_SOURCE = "CloudPubSubDeadLetterSourceSubscription";

  private static final LeasedRows.Shape DELIVERIES = new LeasedRows.Shape("queue_deliveries",
      List.of("message_seq", "handler"), List.of("topic"), false, "delivery");

  private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();

  private SqliteEventBus(Builder builder) {
    super(builder.settings(), DELIVERIES, "cc-events");
  }

  /** Opens the bus in {@code file} (creating it if needed) with the default settings. */
  public static SqliteEventBus open(Path file) {
    return builder(file).build();
  }

  public static Builder builder(Path file) {
    return new Builder(file);
  }

  /**
   * Creates the subscription (it is stored, so messages published from now on wait for it even
   * across restarts) and runs its deliveries with {@code handler} in this process once started.
   */
  public SqliteEventBus subscribe(SubscriptionConfig config, EventHandler handler) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(handler, "handler");
    String key = key(config.topic(), config.handlerName());
    if (subscriptions.putIfAbsent(key, new Subscription(config, handler)) != null) {
      throw new IllegalStateException("the handler '" + config.handlerName() + "' already subscribes to "
          + config.topic());
    }
    try {
      database.write("subscribe " + key, c -> {
        try (PreparedStatement insert = Statements.prepare(c, "INSERT INTO queue_subscriptions (topic, handler,"
            + " created_at) VALUES (?, ?, ?) ON CONFLICT (topic, handler) DO NOTHING")) {
          insert.setString(1, config.topic());
          insert.setString(2, config.handlerName());
          insert.setLong(3, clock.millis());
          return insert.executeUpdate();
        }
      });
    } catch (RuntimeException e) {
      subscriptions.remove(key);
      throw e;
    }
    wake();
    return this;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException for a topic name Pub/Sub would refuse, or a message over
   *     {@value #MAX_MESSAGE_BYTES} bytes
   */
  @Override
  public String publish(String topic, JsonObject data, Map<String, String> attributes) {
    SubscriptionConfig.requireTopic("topic", topic);
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(attributes, "attributes");
    JsonObject attributeJson = new JsonObject();
    attributes.forEach((name, value) -> {
      Objects.requireNonNull(name, "an attribute name");
      Objects.requireNonNull(value, "the value of attribute " + name);
      attributeJson.addProperty(name, value);
    });
    String dataText = data.toString();
    String attributeText = attributeJson.toString();
    long size = (long) dataText.getBytes(StandardCharsets.UTF_8).length
        + attributeText.getBytes(StandardCharsets.UTF_8).length;
    if (size > MAX_MESSAGE_BYTES) {
      throw new IllegalArgumentException("a message to " + topic + " is " + size + " bytes; the limit is "
          + MAX_MESSAGE_BYTES);
    }
    String id = database.write("publish to " + topic,
        c -> Long.toString(insertMessage(c, topic, dataText, attributeText, clock.millis())));
    wake();
    return id;
  }

  /** How many deliveries of {@code topic}'s messages, over all its subscriptions, are in each state. */
  public QueueStats stats(String topic) {
    Objects.requireNonNull(topic, "topic");
    return rows.stats("topic", topic);
  }

  /** How many messages of {@code topic} are stored (delivered or not, until retention removes them). */
  public long messageCount(String topic) {
    Objects.requireNonNull(topic, "topic");
    return database.read("count the messages of " + topic, c -> {
      try (PreparedStatement select = Statements.prepare(c, "SELECT count(*) FROM queue_messages WHERE topic = ?")) {
        select.setString(1, topic);
        try (ResultSet rows = select.executeQuery()) {
          rows.next();
          return rows.getLong(1);
        }
      }
    });
  }

  /** The messages of {@code topic} that a subscription gave up on, oldest first. */
  public List<DeadMessage> deadMessages(String topic) {
    Objects.requireNonNull(topic, "topic");
    return database.read("list the dead messages of " + topic, c -> {
      List<DeadMessage> dead = new ArrayList<>();
      try (PreparedStatement select = Statements.prepare(c, "SELECT m.seq, m.topic, d.handler, m.data, m.attributes,"
          + " d.attempts, d.last_error, d.finished_at FROM queue_deliveries d JOIN queue_messages m"
          + " ON m.seq = d.message_seq WHERE d.topic = ? AND d.state = 'dead' ORDER BY d.finished_at, m.seq")) {
        select.setString(1, topic);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            dead.add(new DeadMessage(Long.toString(rows.getLong(1)), rows.getString(2), rows.getString(3),
                parse(rows.getString(4)), attributes(rows.getString(5)), rows.getInt(6), rows.getString(7),
                Instant.ofEpochMilli(rows.getLong(8))));
          }
        }
      }
      return dead;
    });
  }

  /**
   * Forgets acknowledged deliveries older than the retention window, then messages past it that no
   * delivery refers to any more; dead deliveries and their messages stay. Returns how many messages
   * it removed.
   */
  @Override
  public int purgeExpired() {
    return database.write("purge delivered messages", c -> {
      long cutoff = clock.millis() - settings.retention().toMillis();
      rows.purgeDone(c, cutoff);
      try (PreparedStatement messages = Statements.prepare(c, "DELETE FROM queue_messages WHERE published_at <= ?"
          + " AND NOT EXISTS (SELECT 1 FROM queue_deliveries WHERE message_seq = seq)")) {
        messages.setLong(1, cutoff);
        return messages.executeUpdate();
      }
    });
  }

  private static String key(String topic, String handler) {
    return topic + "/" + handler;
  }

  /** Stores a message and one pending delivery for every subscription of its topic; returns its number. */
  private static long insertMessage(Connection c, String topic, String data, String attributes, long now)
      throws SQLException {
    long seq;
    try (PreparedStatement insert = Statements.prepare(c, "INSERT INTO queue_messages (topic, data, attributes,"
        + " published_at) VALUES (?, ?, ?, ?)")) {
      insert.setString(1, topic);
      insert.setString(2, data);
      insert.setString(3, attributes);
      insert.setLong(4, now);
      insert.executeUpdate();
    }
    try (Statement statement = c.createStatement();
        ResultSet rows = statement.executeQuery("SELECT last_insert_rowid()")) {
      rows.next();
      seq = rows.getLong(1);
    }
    try (PreparedStatement fanOut = Statements.prepare(c, "INSERT INTO queue_deliveries (message_seq, topic, handler,"
        + " state, due_at) SELECT ?, topic, handler, 'pending', ? FROM queue_subscriptions WHERE topic = ?")) {
      fanOut.setLong(1, seq);
      fanOut.setLong(2, now);
      fanOut.setString(3, topic);
      fanOut.executeUpdate();
    }
    return seq;
  }

  private static JsonObject parse(String json) {
    return JsonParser.parseString(json).getAsJsonObject();
  }

  private static Map<String, String> attributes(String json) {
    Map<String, String> map = new LinkedHashMap<>();
    parse(json).entrySet().forEach(e -> map.put(e.getKey(), e.getValue().getAsString()));
    return Map.copyOf(map);
  }

  private SubscriptionConfig configOf(String topic, String handler) {
    Subscription subscription = subscriptions.get(key(topic, handler));
    return subscription != null ? subscription.config : SubscriptionConfig.builder(topic, handler).build();
  }

  /**
   * Records a failed delivery with Pub/Sub's rules: after the subscription's last allowed attempt
   * the delivery is dead and a copy of the message goes to the dead-letter topic; before it, the
   * delivery waits for its backoff. Pub/Sub has no "retry later" of the handler's choosing.
   */
  @Override
  void recordFailure(Connection c, LeasedRows.Lease lease, long failedAt, String error,
      Duration ignoredNotBefore) throws SQLException {
    SubscriptionConfig config = configOf((String) lease.context().get(0), (String) lease.key().get(1));
    if (lease.attempt() >= config.maxDeliveryAttempts()) {
      rows.bury(c, lease.key(), failedAt, error);
      forwardToDeadLetter(c, ((Number) lease.key().get(0)).longValue(), config, lease.attempt(), failedAt);
      return;
    }
    rows.retryAt(c, lease.key(), failedAt + LeasedRows.ceilMillis(config.backoffAfter(lease.attempt())), error);
  }

  private void forwardToDeadLetter(Connection c, long seq, SubscriptionConfig config, int attempts, long now)
      throws SQLException {
    String data;
    JsonObject attributes;
    try (PreparedStatement select = Statements.prepare(c, "SELECT data, attributes FROM queue_messages WHERE seq = ?")) {
      select.setLong(1, seq);
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          return;
        }
        data = rows.getString(1);
        attributes = parse(rows.getString(2));
      }
    }
    attributes.addProperty(DEAD_LETTER_DELIVERY_COUNT, Integer.toString(attempts));
    attributes.addProperty(DEAD_LETTER_SOURCE, key(config.topic(), config.handlerName()));
    insertMessage(c, config.deadLetterTopic(), data, attributes.toString(), now);
  }

  /** A subscription of this process. */
  private record Subscription(SubscriptionConfig config, EventHandler handler) {}

  /** Picks due deliveries of the subscriptions running here and leases them; in the claim's transaction. */
  @Override
  List<Dispatcher.Job> claimDue(Connection c, long now, int capacity) throws SQLException {
    List<Dispatcher.Job> jobs = new ArrayList<>();
    for (Subscription subscription : new ArrayList<>(subscriptions.values())) {
      if (jobs.size() >= capacity) {
        break;
      }
      jobs.addAll(claimFrom(c, subscription, now, capacity - jobs.size()));
    }
    return jobs;
  }

  private List<DeliveryJob> claimFrom(Connection c, Subscription subscription, long now, int room)
      throws SQLException {
    SubscriptionConfig config = subscription.config;
    List<DeliveryJob> jobs = new ArrayList<>();
    try (PreparedStatement select = Statements.prepare(c, "SELECT m.seq, m.data, m.attributes, m.published_at,"
        + " d.attempts FROM queue_deliveries d JOIN queue_messages m ON m.seq = d.message_seq"
        + " WHERE d.topic = ? AND d.handler = ? AND d.state = 'pending' AND d.due_at <= ?"
        + " ORDER BY d.due_at, m.seq LIMIT ?")) {
      select.setString(1, config.topic());
      select.setString(2, config.handlerName());
      select.setLong(3, now);
      select.setInt(4, room);
      try (ResultSet found = select.executeQuery()) {
        while (found.next()) {
          LeasedRows.Lease lease = new LeasedRows.Lease(List.of(found.getLong(1), config.handlerName()),
              found.getInt(5) + 1, List.of(config.topic()));
          jobs.add(new DeliveryJob(subscription, lease, found.getString(2), found.getString(3),
              Instant.ofEpochMilli(found.getLong(4))));
        }
      }
    }
    rows.lease(c, jobs.stream().map(job -> job.lease.key()).toList(), now);
    return jobs;
  }

  /** One leased delivery of one message to one subscription. */
  private final class DeliveryJob implements Dispatcher.Job {
    private final Subscription subscription;
    private final LeasedRows.Lease lease;
    private final String data;
    private final String attributes;
    private final Instant publishedAt;

    DeliveryJob(Subscription subscription, LeasedRows.Lease lease, String data, String attributes,
        Instant publishedAt) {
      this.subscription = subscription;
      this.lease = lease;
      this.data = data;
      this.attributes = attributes;
      this.publishedAt = publishedAt;
    }

    private String id() {
      return lease.key().get(0).toString();
    }

    @Override
    public Duration deadline() {
      return subscription.config.ackDeadline();
    }

    @Override
    public void run() throws Exception {
      subscription.handler.handle(new EventHandler.Event(id(), subscription.config.topic(), parse(data),
          attributes(attributes), publishedAt, lease.attempt()));
    }

    @Override
    public void succeeded() {
      rows.succeeded("acknowledge message " + id(), lease);
    }

    @Override
    public void failed(Throwable error) {
      rows.failed("record a failed delivery of message " + id(), lease, clock.millis(), error, Duration.ZERO);
    }
  }

  /** Settings of a {@link SqliteEventBus}; each setter checks its argument. */
  public static final class Builder extends DispatchBuilder<SqliteEventBus, Builder> {
    private Builder(Path file) {
      super(file);
    }

    @Override
    Builder self() {
      return this;
    }

    @Override
    public SqliteEventBus build() {
      return new SqliteEventBus(this);
    }
  }
}
