package dev.contentcreator.gcp.pubsub;

import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.InstantiatingExecutorProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.cloud.pubsub.v1.MessageReceiver;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.cloud.pubsub.v1.Subscriber;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.DeadLetterPolicy;
import com.google.pubsub.v1.ProjectSubscriptionName;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.RetryPolicy;
import com.google.pubsub.v1.Subscription;
import com.google.pubsub.v1.TopicName;
import dev.contentcreator.core.log.Log;
import dev.contentcreator.core.ports.EventBus;
import dev.contentcreator.core.ports.EventHandler;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The events port on Pub/Sub. {@link #publish} sends through one {@link Publisher} per topic, made
 * on the topic's first message and kept, and returns the id the server gave the message, so the
 * message is stored when it returns. Topic {@code t} is {@code projects/<project>/topics/t}.
 *
 * <p>In production the topics and the push subscriptions to functions come from Terraform; this
 * class then only publishes. A process that runs handlers itself (the local server on the Pub/Sub
 * emulator) calls {@link #subscribe}, which makes the topic, its dead-letter topic and a pull
 * subscription when missing and acknowledges a message when the handler returns, or nacks it (so
 * Pub/Sub redelivers it after the retry backoff) when the handler throws.
 *
 * <p>With an emulator host, every client talks plaintext to it and sends no credentials. Thread-safe.
 */
public final class PubSubEventBus implements EventBus, AutoCloseable {
  /** The largest message Pub/Sub takes: 10 MB of data and attributes. */
  public static final int MAX_MESSAGE_BYTES = 10_000_000;

  private final String project;
  private final ManagedChannel emulatorChannel;
  private final int subscriberThreads;
  private final Duration shutdownTimeout;
  private final Map<String, Publisher> publishers = new ConcurrentHashMap<>();
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private volatile TopicAdminClient topicAdmin;
  private volatile SubscriptionAdminClient subscriptionAdmin;
  private volatile boolean closed;

  private PubSubEventBus(Builder builder) {
    this.project = builder.project;
    this.subscriberThreads = builder.subscriberThreads;
    this.shutdownTimeout = builder.shutdownTimeout;
    this.emulatorChannel = builder.emulatorHost == null ? null
        : ManagedChannelBuilder.forTarget(builder.emulatorHost).usePlaintext().build();
  }

  /** A builder for the bus of {@code project}. */
  public static Builder builder(String project) {
    return new Builder(project);
  }

  /** The project whose topics this bus publishes to. */
  public String project() {
    return project;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException for a topic name Pub/Sub would refuse, or a message over
   *     {@value #MAX_MESSAGE_BYTES} bytes
   * @throws IllegalStateException when Pub/Sub refuses the message (no such topic, no permission,
   *     unavailable after the publisher's retries)
   */
  @Override
  public String publish(String topic, JsonObject data, Map<String, String> attributes) {
    PubSubSubscription.requireName("topic", topic);
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(attributes, "attributes");
    PubsubMessage.Builder message = PubsubMessage.newBuilder()
        .setData(ByteString.copyFrom(data.toString(), StandardCharsets.UTF_8));
    attributes.forEach((name, value) -> {
      Objects.requireNonNull(name, "an attribute name");
      Objects.requireNonNull(value, "the value of attribute " + name);
      if (name.isEmpty() || name.startsWith("goog")) {
        throw new IllegalArgumentException("an attribute name must not be empty or start with goog (Pub/Sub's own),"
            + " got: '" + name + "'");
      }
      message.putAttributes(name, value);
    });
    int size = message.build().getSerializedSize();
    if (size > MAX_MESSAGE_BYTES) {
      throw new IllegalArgumentException("a message to " + topic + " is " + size + " bytes; the limit is "
          + MAX_MESSAGE_BYTES);
    }
    Publisher publisher = publishers.computeIfAbsent(topic, this::newPublisher);
    try {
      return publisher.publish(message.build()).get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      String reason = cause instanceof ApiException api ? api.getStatusCode().getCode() + ": " + api.getMessage()
          : String.valueOf(cause);
      throw new IllegalStateException("Pub/Sub refused a message to " + topicName(topic) + " (" + reason + ")", cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing to " + topic, e);
    }
  }

  /** Makes the topic if it does not exist yet. */
  public void ensureTopic(String topic) {
    PubSubSubscription.requireName("topic", topic);
    try {
      topicAdmin().createTopic(topicName(topic));
    } catch (AlreadyExistsException e) {
      // Made before, by Terraform, another process or an earlier start: what was asked for.
    }
  }

  /**
   * Makes the topic, its dead-letter topic and the subscription when missing (an existing
   * subscription is kept as it is), then pulls its messages in this process: each goes to
   * {@code handler}, and is acknowledged when it returns and nacked when it throws.
   */
  public PubSubEventBus subscribe(PubSubSubscription config, EventHandler handler) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(handler, "handler");
    if (closed) {
      throw new IllegalStateException("the bus is closed");
    }
    ensureTopic(config.topic());
    ensureTopic(config.deadLetterTopic());
    ProjectSubscriptionName name = ProjectSubscriptionName.of(project, config.subscription());
    try {
      subscriptionAdmin().createSubscription(Subscription.newBuilder()
          .setName(name.toString())
          .setTopic(topicName(config.topic()).toString())
          .setAckDeadlineSeconds((int) config.ackDeadline().toSeconds())
          .setRetryPolicy(RetryPolicy.newBuilder()
              .setMinimumBackoff(protoDuration(config.minBackoff()))
              .setMaximumBackoff(protoDuration(config.maxBackoff())))
          .setDeadLetterPolicy(DeadLetterPolicy.newBuilder()
              .setDeadLetterTopic(topicName(config.deadLetterTopic()).toString())
              .setMaxDeliveryAttempts(config.maxDeliveryAttempts()))
          .build());
    } catch (AlreadyExistsException e) {
      // Kept as it is: its settings are Terraform's (or an earlier start's) to own.
    }
    MessageReceiver receiver = (message, reply) -> {
      EventHandler.Event event;
      try {
        event = event(config.topic(), message);
      } catch (JsonParseException | IllegalStateException e) {
        Log.warning("message " + message.getMessageId() + " on " + config.subscription()
            + " is not a JSON object; it goes to the dead-letter topic after its attempts", e);
        reply.nack();
        return;
      }
      try {
        handler.handle(event);
        reply.ack();
      } catch (Exception e) {
        // Pub/Sub delivers it again after the subscription's backoff; without this line a failing
        // handler only showed as work that came late.
        Log.warning("message " + message.getMessageId() + " on " + config.subscription() + " failed on delivery "
            + event.deliveryAttempt() + "; Pub/Sub delivers it again after its backoff", e);
        reply.nack();
      }
    };
    Subscriber.Builder builder = Subscriber.newBuilder(name, receiver)
        .setMaxAckExtensionPeriodDuration(config.ackDeadline())
        .setParallelPullCount(1)
        .setExecutorProvider(InstantiatingExecutorProvider.newBuilder()
            .setExecutorThreadCount(subscriberThreads).build());
    if (emulatorChannel != null) {
      builder.setChannelProvider(emulatorChannelProvider()).setCredentialsProvider(NoCredentialsProvider.create());
    }
    Subscriber subscriber = builder.build();
    subscriber.startAsync().awaitRunning();
    subscribers.add(subscriber);
    return this;
  }

  /** Stops pulling (waiting up to the shutdown timeout for running handlers), then flushes and closes the publishers. */
  @Override
  public void close() {
    closed = true;
    for (Subscriber subscriber : subscribers) {
      subscriber.stopAsync();
    }
    for (Subscriber subscriber : subscribers) {
      try {
        subscriber.awaitTerminated(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException | IllegalStateException e) {
        Log.warning("a Pub/Sub subscriber did not stop cleanly", e);
      }
    }
    for (Publisher publisher : publishers.values()) {
      publisher.shutdown();
    }
    for (Publisher publisher : publishers.values()) {
      try {
        publisher.awaitTermination(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      if (topicAdmin != null) {
        topicAdmin.close();
      }
      if (subscriptionAdmin != null) {
        subscriptionAdmin.close();
      }
    }
    if (emulatorChannel != null) {
      emulatorChannel.shutdownNow();
    }
  }

  private static EventHandler.Event event(String topic, PubsubMessage message) {
    JsonObject data = JsonParser.parseString(message.getData().toStringUtf8()).getAsJsonObject();
    Integer attempt = Subscriber.getDeliveryAttempt(message);
    Instant published = Instant.ofEpochSecond(message.getPublishTime().getSeconds(),
        message.getPublishTime().getNanos());
    // The client library passes the delivery attempt as a goog-prefixed attribute; publishers cannot use the prefix.
    Map<String, String> attributes = new HashMap<>(message.getAttributesMap());
    attributes.keySet().removeIf(name -> name.startsWith("goog"));
    return new EventHandler.Event(message.getMessageId(), topic, data, Map.copyOf(attributes), published,
        attempt == null ? 1 : attempt);
  }

  private Publisher newPublisher(String topic) {
    if (closed) {
      throw new IllegalStateException("the bus is closed");
    }
    Publisher.Builder builder = Publisher.newBuilder(topicName(topic));
    if (emulatorChannel != null) {
      builder.setChannelProvider(emulatorChannelProvider()).setCredentialsProvider(NoCredentialsProvider.create());
    }
    try {
      return builder.build();
    } catch (IOException e) {
      throw new UncheckedIOException("could not make a Pub/Sub publisher for " + topic + ": " + e.getMessage(), e);
    }
  }

  private TopicAdminClient topicAdmin() {
    TopicAdminClient admin = topicAdmin;
    if (admin == null) {
      synchronized (this) {
        if (topicAdmin == null) {
          TopicAdminSettings.Builder settings = TopicAdminSettings.newBuilder();
          if (emulatorChannel != null) {
            settings.setTransportChannelProvider(emulatorChannelProvider()).setCredentialsProvider(noCredentials());
          }
          try {
            topicAdmin = TopicAdminClient.create(settings.build());
          } catch (IOException e) {
            throw new UncheckedIOException("could not make the Pub/Sub topic admin client: " + e.getMessage(), e);
          }
        }
        admin = topicAdmin;
      }
    }
    return admin;
  }

  private SubscriptionAdminClient subscriptionAdmin() {
    SubscriptionAdminClient admin = subscriptionAdmin;
    if (admin == null) {
      synchronized (this) {
        if (subscriptionAdmin == null) {
          SubscriptionAdminSettings.Builder settings = SubscriptionAdminSettings.newBuilder();
          if (emulatorChannel != null) {
            settings.setTransportChannelProvider(emulatorChannelProvider()).setCredentialsProvider(noCredentials());
          }
          try {
            subscriptionAdmin = SubscriptionAdminClient.create(settings.build());
          } catch (IOException e) {
            throw new UncheckedIOException("could not make the Pub/Sub subscription admin client: " + e.getMessage(),
                e);
          }
        }
        admin = subscriptionAdmin;
      }
    }
    return admin;
  }

  private TransportChannelProvider emulatorChannelProvider() {
    return FixedTransportChannelProvider.create(GrpcTransportChannel.create(emulatorChannel));
  }

  private static CredentialsProvider noCredentials() {
    return NoCredentialsProvider.create();
  }

  private TopicName topicName(String topic) {
    return TopicName.of(project, topic);
  }

  private static com.google.protobuf.Duration protoDuration(Duration d) {
    return com.google.protobuf.Duration.newBuilder().setSeconds(d.getSeconds()).setNanos(d.getNano()).build();
  }

  /** Settings of a {@link PubSubEventBus}; each setter checks its argument. */
  public static final class Builder {
    private final String project;
    private String emulatorHost;
    private int subscriberThreads = 4;
    private Duration shutdownTimeout = Duration.ofSeconds(30);

    private Builder(String project) {
      Objects.requireNonNull(project, "project");
      if (!project.matches("[a-z][a-z0-9-]{4,28}[a-z0-9]")) {
        throw new IllegalArgumentException("not a Google Cloud project id: '" + project + "'");
      }
      this.project = project;
    }

    /** {@code host:port} of the Pub/Sub emulator; null (the default) for Pub/Sub itself. */
    public Builder emulatorHost(String hostPort) {
      if (hostPort != null && !hostPort.matches("[^\\s/:]+:\\d{1,5}")) {
        throw new IllegalArgumentException("the emulator host is host:port, got: " + hostPort);
      }
      this.emulatorHost = hostPort;
      return this;
    }

    /** Threads running handlers, per subscription (default 4). */
    public Builder subscriberThreads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("subscriberThreads must be at least 1, got: " + threads);
      }
      this.subscriberThreads = threads;
      return this;
    }

    /** How long {@link #close()} waits for running handlers and unsent messages (default 30 s). */
    public Builder shutdownTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "shutdownTimeout");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("shutdownTimeout must not be negative, got: " + timeout);
      }
      this.shutdownTimeout = timeout;
      return this;
    }

    public PubSubEventBus build() {
      return new PubSubEventBus(this);
    }
  }
}
