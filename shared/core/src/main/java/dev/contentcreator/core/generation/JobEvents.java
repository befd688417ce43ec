package dev.contentcreator.core.generation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Live news of jobs inside one process: item changes and text as it streams. The SSE endpoint
 * listens here for what happens in this process and reads the job's document for the rest, so it
 * is correct across instances and immediate within one. Text streamed so far is kept for a while
 * (for at most {@value #MAX_JOBS} recent jobs, at most {@value #MAX_TEXT} characters an item:
 * what goes beyond is neither kept nor streamed; the stored content has it all) and replayed to a
 * listener that comes late, from where that listener's {@link StreamPosition} says it had read.
 *
 * <p>Every text an item streams has an epoch, a short random name given when it starts (a new
 * attempt of an item starts a new text): a position names the epoch it counts in, so a client
 * that read an earlier attempt's text is told to drop it ({@code reset}) rather than receive the
 * rest of another text. Delta and reset events carry {@code epoch}, and deltas their
 * {@code offset} (where their text starts), for the stream to keep its position: whatever a
 * producer published, listeners get them stamped here.
 */
public final class JobEvents {
  static final int MAX_JOBS = 1000;
  static final int MAX_TEXT = 200_000;

  private static final class Text {
    final String epoch = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    final StringBuilder text = new StringBuilder();
  }

  private static final class Job {
    final List<Consumer<JobEvent.Live>> listeners = new ArrayList<>();
    final Map<Integer, Text> streamed = new TreeMap<>();
  }

  private final Map<String, Job> jobs = new LinkedHashMap<>(64, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Job> eldest) {
      return size() > MAX_JOBS && eldest.getValue().listeners.isEmpty();
    }
  };

  /** Listens to one job until the returned handle is closed; first replays all the text streamed so far. */
  public AutoCloseable listen(String jobId, Consumer<JobEvent.Live> listener) {
    return listen(jobId, StreamPosition.START, listener);
  }

  /**
   * Listens to one job until the returned handle is closed; first replays the text streamed after
   * {@code from}: for an item read in the current text, the rest of it; for an item read in
   * another text, a reset and the whole current text; for an item not read, its whole text.
   * Replay and registration happen at once, so the listener misses and repeats nothing.
   */
  public AutoCloseable listen(String jobId, StreamPosition from, Consumer<JobEvent.Live> listener) {
    synchronized (jobs) {
      Job job = jobs.computeIfAbsent(jobId, k -> new Job());
      job.streamed.forEach((index, text) -> {
        StreamPosition.Mark mark = from.mark(index);
        int offset = 0;
        if (mark != null && mark.epoch().equals(text.epoch)) {
          offset = Math.min(mark.offset(), text.text.length());
        } else if (mark != null) {
          listener.accept(new JobEvent.TextReset(index, text.epoch));
        }
        if (offset < text.text.length()) {
          listener.accept(new JobEvent.TextDelta(index, text.text.substring(offset), text.epoch, offset));
        }
      });
      job.listeners.add(listener);
    }
    return () -> {
      synchronized (jobs) {
        Job job = jobs.get(jobId);
        if (job != null) {
          job.listeners.remove(listener);
        }
      }
    };
  }

  /** Tells the job's listeners in this process; text is kept and stamped with its epoch and offset. */
  public void publish(String jobId, JobEvent.Live event) {
    List<Consumer<JobEvent.Live>> targets;
    JobEvent.Live out = event;
    synchronized (jobs) {
      Job job = jobs.computeIfAbsent(jobId, k -> new Job());
      if (event instanceof JobEvent.TextReset reset) {
        // A new attempt of the item starts a new text; what an earlier attempt streamed is void.
        Text text = new Text();
        job.streamed.put(reset.index(), text);
        out = new JobEvent.TextReset(reset.index(), text.epoch);
      } else if (event instanceof JobEvent.TextDelta d) {
        int index = d.index();
        Text text = job.streamed.computeIfAbsent(index, k -> new Text());
        String delta = d.text();
        int room = MAX_TEXT - text.text.length();
        if (room <= 0 || delta.isEmpty()) {
          return;
        }
        if (delta.length() > room) {
          // Cut between whole characters, never inside a surrogate pair.
          room = Character.isHighSurrogate(delta.charAt(room - 1)) ? room - 1 : room;
          delta = delta.substring(0, room);
        }
        out = new JobEvent.TextDelta(index, delta, text.epoch, text.text.length());
        text.text.append(delta);
      }
      targets = List.copyOf(job.listeners);
    }
    // Delivered outside the lock; listeners only enqueue, so the order per job is kept by the caller's thread.
    for (Consumer<JobEvent.Live> l : targets) {
      l.accept(out);
    }
  }

  /** A new attempt of the item's text starts, as a producer publishes it (unstamped). */
  static JobEvent.TextReset reset(int index) {
    return new JobEvent.TextReset(index, null);
  }

  /** More of the item's text, as a producer publishes it (unstamped). */
  static JobEvent.TextDelta delta(int index, String text) {
    return new JobEvent.TextDelta(index, text, null, 0);
  }
}
