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
}
