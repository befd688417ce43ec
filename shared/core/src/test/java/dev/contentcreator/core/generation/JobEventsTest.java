package dev.contentcreator.core.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobEventsTest {
  private final JobEvents events = new JobEvents();

  private List<JsonObject> listenLate() {
    List<JsonObject> got = new ArrayList<>();
    events.listen("j", got::add);
    return got;
  }

  @Test
  void aLateListenerGetsTheTextSoFarInOnePiece() {
    events.publish("j", JobEvents.delta(0, "Hello, "));
    events.publish("j", JobEvents.delta(0, "world"));
    List<JsonObject> got = listenLate();
    assertEquals(1, got.size());
    assertEquals("Hello, world", got.get(0).get("text").getAsString());
  }

  @Test
  void aRetryStartsTheItemsTextAgain() {
    events.publish("j", JobEvents.delta(0, "cut sho"));
    events.publish("j", JobEvents.reset(0));
    events.publish("j", JobEvents.delta(0, "Whole text"));
    List<JsonObject> got = listenLate();
    assertEquals(1, got.size());
    assertEquals("Whole text", got.get(0).get("text").getAsString());
  }

  @Test
  void aListenerHearsEveryEventOnceAfterItJoins() {
    List<JsonObject> got = listenLate();
    events.publish("j", JobEvents.delta(1, "a"));
    events.publish("other", JobEvents.delta(1, "b"));
    assertEquals(1, got.size());
  }

  private List<JsonObject> listenFrom(StreamPosition from) {
    List<JsonObject> got = new ArrayList<>();
    events.listen("j", from, got::add);
    return got;
  }

  /** Where a listener that received {@code got} has read to, as the stream keeps it. */
  private static StreamPosition after(StreamPosition from, List<JsonObject> got) {
    StreamPosition p = from;
    for (JsonObject e : got) {
      int index = e.get("index").getAsInt();
      String epoch = e.get("epoch").getAsString();
      p = e.get("type").getAsString().equals("reset") ? p.with(index, epoch, 0)
          : p.with(index, epoch, e.get("offset").getAsInt() + e.get("text").getAsString().length());
    }
    return p;
  }

  @Test
  void aListenerThatResumesGetsOnlyTheTextAfterItsPosition() {
    events.publish("j", JobEvents.reset(0));
    events.publish("j", JobEvents.delta(0, "Hello, "));
    StreamPosition read = after(StreamPosition.START, listenFrom(StreamPosition.START));
    events.publish("j", JobEvents.delta(0, "world"));
    List<JsonObject> got = listenFrom(read);
    assertEquals(1, got.size());
    assertEquals("world", got.get(0).get("text").getAsString());
    assertEquals(7, got.get(0).get("offset").getAsInt());
    assertEquals(List.of(), listenFrom(after(read, got)), "nothing new, nothing repeated");
  }

  @Test
  void aListenerThatReadAnEarlierAttemptIsToldToDropIt() {
    events.publish("j", JobEvents.reset(0));
    events.publish("j", JobEvents.delta(0, "cut sho"));
    StreamPosition read = after(StreamPosition.START, listenFrom(StreamPosition.START));
    events.publish("j", JobEvents.reset(0));
    events.publish("j", JobEvents.delta(0, "Whole"));
    List<JsonObject> got = listenFrom(read);
    assertEquals(List.of("reset", "delta"), got.stream().map(e -> e.get("type").getAsString()).toList());
    assertEquals("Whole", got.get(1).get("text").getAsString());
  }

  @Test
  void textBeyondTheKeptLengthIsNeitherKeptNorStreamed() {
    List<JsonObject> live = listenLate();
    events.publish("j", JobEvents.delta(0, "x".repeat(JobEvents.MAX_TEXT - 2)));
    events.publish("j", JobEvents.delta(0, "abcdef"));
    events.publish("j", JobEvents.delta(0, "more"));
    assertEquals(2, live.size());
    assertEquals("ab", live.get(1).get("text").getAsString());
    assertEquals(JobEvents.MAX_TEXT, listenLate().get(0).get("text").getAsString().length());
  }
}
