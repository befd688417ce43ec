package dev.contentcreator.functions.fanout;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.GenerationJob;
import dev.contentcreator.core.domain.Reservation;
import dev.contentcreator.core.generation.FanOut;
import dev.contentcreator.core.generation.GenerationSettings;
import dev.contentcreator.core.generation.JobLedger;
import dev.contentcreator.core.ports.EventHandler;
import dev.contentcreator.embedded.queue.SqliteTaskQueue;
import dev.contentcreator.embedded.sqlite.SqliteDocumentStore;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pub/Sub messages as Eventarc delivers them, into the same fan-out the local bus feeds. */
class FanoutFunctionTest {
  static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  static final String SOURCE = "//pubsub.googleapis.com/projects/demo-project/topics/generation-requests";

  @TempDir Path dir;
  private SqliteDocumentStore documents;
  private SqliteTaskQueue tasks;
  private PubSubEvents events;

  @BeforeEach
  void open() {
    documents = SqliteDocumentStore.open(dir.resolve("cc.db"));
    tasks = SqliteTaskQueue.open(dir.resolve("cc.db"));
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    events = new PubSubEvents(new FanOut(documents, () -> tasks, clock), Duration.ofHours(24), clock);
  }

  @AfterEach
  void close() {
    tasks.close();
    documents.close();
  }

  private void storeJob(String jobId, int items) {
    GenerationJob job = GenerationJob.builder().id(jobId).project("p1", "u1")
        .maker(ContentKind.TEXT, "demo", "demo-text", true).itemCount(items).request("prompt", "", Map.of())
        .times(NOW, NOW).build();
    documents.transaction(tx -> {
      JobLedger.open(tx, job, Collections.nCopies(items, Reservation.NONE), List.of());
      return null;
    });
  }

  static String fixture(String name) throws IOException {
    try (InputStream in = FanoutFunctionTest.class.getResourceAsStream("/events/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static String envelope(String jobJson, Instant published) {
    String data = Base64.getEncoder().encodeToString(jobJson.getBytes(StandardCharsets.UTF_8));
    return "{\"message\":{\"data\":\"" + data + "\",\"attributes\":{\"projectId\":\"p1\"},\"messageId\":\"m-1\","
        + "\"publishTime\":\"" + published + "\"},\"subscription\":\"projects/demo-project/subscriptions/s\"}";
  }

  static CloudEvent event(String type, String data) {
    return new CloudEvent() {
      @Override public CloudEventData getData() { return data == null ? null : () -> data.getBytes(StandardCharsets.UTF_8); }
      @Override public SpecVersion getSpecVersion() { return SpecVersion.V1; }
      @Override public String getId() { return "ce-1"; }
      @Override public String getType() { return type; }
      @Override public URI getSource() { return URI.create(SOURCE); }
      @Override public String getDataContentType() { return "application/json"; }
      @Override public URI getDataSchema() { return null; }
      @Override public String getSubject() { return null; }
      @Override public OffsetDateTime getTime() { return NOW.minusSeconds(5).atOffset(ZoneOffset.UTC); }
      @Override public Object getAttribute(String name) { return null; }
      @Override public Object getExtension(String name) { return null; }
      @Override public Set<String> getExtensionNames() { return Set.of(); }
    };
  }

  static CloudEvent published(String data) {
    return event(PubSubEvents.MESSAGE_PUBLISHED, data);
  }

  private long pending() {
    return tasks.stats(GenerationSettings.QUEUE).pending();
  }

  @Test
  void theEnvelopeDecodesIntoTheEventTheLocalBusWouldDeliver() throws Exception {
    EventHandler.Event e = PubSubEvents.decode(published(fixture("message-published.json"))).orElseThrow();

    assertEquals("17328460385210042", e.id());
    assertEquals("generation-requests", e.topic());
    assertEquals("job1", e.data().get("jobId").getAsString());
    assertEquals(Map.of("projectId", "p1"), e.attributes());
    assertEquals(Instant.parse("2026-11-26T09:59:58.123Z"), e.publishTime());
    assertEquals(1, e.deliveryAttempt());
  }

  @Test
  void aMessageBecomesOneTaskPerItemAndARedeliveryAddsNone() throws Exception {
    storeJob("job1", 3);
    events.accept(published(fixture("message-published.json")));
    events.accept(published(fixture("message-published.json")));
    assertEquals(3L, pending());
  }

  @Test
  void aMessageOlderThanTheMaximumAgeIsDropped() throws Exception {
    storeJob("job1", 2);
    events.accept(published(envelope("{\"jobId\":\"job1\"}", NOW.minus(Duration.ofHours(25)))));
    assertEquals(0L, pending());
  }

  @Test
  void aShorterMaximumAgeDropsSooner() throws Exception {
    storeJob("job1", 2);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    PubSubEvents strict = new PubSubEvents(new FanOut(documents, () -> tasks, clock), Duration.ofMinutes(10), clock);
    strict.accept(published(envelope("{\"jobId\":\"job1\"}", NOW.minus(Duration.ofMinutes(11)))));
    assertEquals(0L, pending());
    strict.accept(published(envelope("{\"jobId\":\"job1\"}", NOW.minus(Duration.ofMinutes(9)))));
    assertEquals(2L, pending());
  }

  @Test
  void malformedMessagesAreAcknowledgedNotRetried() {
    List<String> bad = new ArrayList<>(List.of(
        "not json",
        "[]",
        "{}",
        "{\"message\":\"text\"}",
        "{\"message\":{\"messageId\":\"m\"}}",
        "{\"message\":{\"messageId\":\"m\",\"data\":\"%%% not base64\"}}",
        "{\"message\":{\"messageId\":\"m\",\"data\":\"" + Base64.getEncoder().encodeToString("oops".getBytes()) + "\"}}"));
    for (String data : bad) {
      assertDoesNotThrow(() -> events.accept(published(data)), data);
    }
    assertDoesNotThrow(() -> events.accept(published(null)));
    assertEquals(0L, pending());
  }

  @Test
  void eventsOfAnotherTypeAreIgnored() throws Exception {
    storeJob("job1", 2);
    events.accept(event("google.cloud.storage.object.v1.finalized", envelope("{\"jobId\":\"job1\"}", NOW)));
    assertEquals(0L, pending());
  }

  @Test
  void aHandlerFailureIsRethrownSoTheMessageComesAgain() {
    PubSubEvents failing = new PubSubEvents(e -> {
      throw new IllegalStateException("the store is down");
    }, Duration.ofHours(24), Clock.fixed(NOW, ZoneOffset.UTC));
    assertThrows(IllegalStateException.class, () -> failing.accept(published(envelope("{\"jobId\":\"j\"}", NOW))));
  }

  @Test
  void theDeliveryAttemptIsTakenFromTheEnvelopeWhenPresent() throws Exception {
    String withAttempt = envelope("{\"jobId\":\"j\"}", NOW).replaceFirst("\\}$", ",\"deliveryAttempt\":4}");
    assertEquals(4, PubSubEvents.decode(published(withAttempt)).orElseThrow().deliveryAttempt());
  }

  @Test
  void withoutAPublishTimeTheEventsTimeIsUsed() throws Exception {
    String noTime = "{\"message\":{\"data\":\"" + Base64.getEncoder().encodeToString("{}".getBytes()) + "\",\"messageId\":\"m\"}}";
    assertEquals(NOW.minusSeconds(5), PubSubEvents.decode(published(noTime)).orElseThrow().publishTime());
  }

  @Test
  void thisFunctionDoesNotShipOpenAiJava() {
    ClassLoader loader = FanoutFunction.class.getClassLoader();
    assertThrows(ClassNotFoundException.class, () -> Class.forName("com.openai.client.OpenAIClient", false, loader),
        "the fan-out never calls OpenAI, so openai-java must stay off its classpath");
    assertThrows(ClassNotFoundException.class,
        () -> Class.forName("dev.contentcreator.openai.OpenAiProviderFactory", false, loader));
  }

  @Test
  void aZeroMaximumAgeIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new PubSubEvents(e -> { }, Duration.ZERO, Clock.systemUTC()));
  }
}
