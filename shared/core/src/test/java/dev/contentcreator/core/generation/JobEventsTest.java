package dev.contentcreator.core.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobEventsTest {
  private final JobEvents events = new JobEvents();

  private static String text(JobEvent.Live e) {
    return ((JobEvent.TextDelta) e).text();
  }

  private List<JobEvent.Live> listenLate() {
    List<JobEvent.Live> got = new ArrayList<>();
    events.listen("j", got::add);
    return got;
  }

  @Test
  void aLateListenerGetsTheTextSoFarInOnePiece() {
    events.publish("j", JobEvents.delta(0, "Hello, "));
    events.publish("j", JobEvents.delta(0, "world"));
    List<JobEvent.Live> got = listenLate();
    assertEquals(1, got.size());
    assertEquals("Hello, world", text(got.get(0)));
  }

  @Test
  void aRetryStartsTheItemsTextAgain() {
    events.publish("j", JobEvents.delta(0, "cut sho"));
    events.publish("j", JobEvents.reset(0));
    events.publish("j", JobEvents.delta(0, "Whole text"));
    List<JobEvent.Live> got = listenLate();
    assertEquals(1, got.size());
    assertEquals("Whole text", text(got.get(0)));
  }

  @Test
  void aListenerHearsEveryEventOnceAfterItJoins() {
    List<JobEvent.Live> got = listenLate();
    events.publish("j", JobEvents.delta(1, "a"));
    events.publish("other", JobEvents.delta(1, "b"));
    assertEquals(1, got.size());
  }

  private List<JobEvent.Live> listenFrom(StreamPosition from) {
    List<JobEvent.Live> got = new ArrayList<>();
    events.listen("j", from, got::add);
    return got;
  }

  /** Where a listener that received {@code got} has read to, as the stream keeps it. */
  private static StreamPosition after(StreamPosition from, List<JobEvent.Live> got) {
    StreamPosition p = from;
    for (JobEvent.Live e : got) {
      p = e instanceof JobEvent.TextReset r ? p.with(r.index(), r.epoch(), 0)
          : p.with(e.index(), ((JobEvent.TextDelta) e).epoch(), ((JobEvent.TextDelta) e).offset() + text(e).length());
    }
    return p;
  }

  @Test
  void aListenerThatResumesGetsOnlyTheTextAfterItsPosition() {
    events.publish("j", JobEvents.reset(0));
    events.publish("j", JobEvents.delta(0, "Hello, "));
    StreamPosition read = after(StreamPosition.START, listenFrom(StreamPosition.START));
    events.publish("j", JobEvents.delta(0, "world"));
    List<JobEvent.Live> got = listenFrom(read);
    assertEquals(1, got.size());
    assertEquals("world", text(got.get(0)));
    assertEquals(7, ((JobEvent.TextDelta) got.get(0)).offset());
    assertEquals(List.of(), listenFrom(after(read, got)), "nothing new, nothing repeated");
  }

  @Test
  void aListenerThatReadAnEarlierAttemptIsToldToDropIt() {
    events.publish("j", JobEvents.reset(0));
    events.publish("j", JobEvents.delta(0, "cut sho"));
    StreamPosition read = after(StreamPosition.START, listenFrom(StreamPosition.START));
    events.publish("j", JobEvents.reset(0));
    events.publish("j", JobEvents.delta(0, "Whole"));
    List<JobEvent.Live> got = listenFrom(read);
    assertEquals(List.of(JobEvent.TextReset.class, JobEvent.TextDelta.class),
        got.stream().map(Object::getClass).toList());
    assertEquals("Whole", text(got.get(1)));
  }

  @Test
  void textBeyondTheKeptLengthIsNeitherKeptNorStreamed() {
    List<JobEvent.Live> live = listenLate();
    events.publish("j", JobEvents.delta(0, "x".repeat(JobEvents.MAX_TEXT - 2)));
    events.publish("j", JobEvents.delta(0, "abcdef"));
    events.publish("j", JobEvents.delta(0, "more"));
    assertEquals(2, live.size());
    assertEquals("ab", text(live.get(1)));
    assertEquals(JobEvents.MAX_TEXT, text(listenLate().get(0)).length());
  }
}
