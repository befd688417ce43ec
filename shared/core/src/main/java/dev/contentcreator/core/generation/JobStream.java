package dev.contentcreator.core.generation;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.ApiResponse;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.projects.ProjectService;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A job followed live as server-sent events, at a bounded cost. Each stream:
 * <ul>
 *   <li>takes one of its person's stream slots ({@link StreamSlots}), or is refused with 429;
 *   <li>sends the job, then what {@link JobEvents} reports from this process (text as it streams,
 *       items as they end), and reads the job and its items again only when an item changed here,
 *       at most once a second; for changes made by other processes it reads the job's document
 *       alone every {@code checkInterval} and the items only when that document changed;
 *   <li>ends with {@code end} when the job does, or by itself after {@code maxDuration}; every
 *       event's id is a {@link StreamPosition}, so the next stream, opened with
 *       {@code Last-Event-ID}, sends exactly the text that came after it.
 * </ul>
 * It is the one place where {@link JobEvent}s become the wire's events ({@link #sse}).
 */
public final class JobStream {
  /** The least time between two reads of the job and its items that an in-process event causes. */
  static final long FULL_READ_GAP_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final Supplier<GenerationService> generation;
  private final Supplier<ProjectService> projects;
  private final JobEvents events;
  private final StreamSlots slots;
  private final StreamSettings settings;
  private final LongSupplier nanoTime;

  public JobStream(Supplier<GenerationService> generation, Supplier<ProjectService> projects, JobEvents events, StreamSlots slots,
      StreamSettings settings, LongSupplier nanoTime) {
    this.generation = Objects.requireNonNull(generation, "generation");
    this.projects = Objects.requireNonNull(projects, "projects");
    this.events = Objects.requireNonNull(events, "events");
    this.slots = Objects.requireNonNull(slots, "slots");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
  }

  /**
   * Checks who asks (404 for a stranger, as for a job that does not exist), the Last-Event-ID
   * (400 when it is not one this stream gave) and the person's open streams (429 beyond the cap),
   * then answers with the stream.
   */
  public ApiResponse open(String uid, String projectId, String jobId, Optional<String> lastEventId) {
    projects.get().requireRole(uid, projectId, Role.VIEWER);
    generation.get().find(projectId, jobId);
    StreamPosition from = lastEventId.map(String::strip).filter(id -> !id.isEmpty())
        .map(id -> StreamPosition.parse(id).orElseThrow(() -> ApiException.badRequest("Last-Event-ID",
            "is not an event id of this stream; open the stream without it to start from the beginning")))
        .orElse(StreamPosition.START);
    StreamSlots.Slot slot = slots.claim(uid).orElseThrow(settings::tooManyStreams);
    return ApiResponse.streaming("text/event-stream; charset=utf-8", out -> {
      try (slot) {
        new Run(out, uid, projectId, jobId, from).run();
      }
    }).header("X-Accel-Buffering", "no");
  }

  /** One stream, written by the request's thread. */
  private final class Run {
    private final OutputStream out;
    private final String uid;
    private final String projectId;
    private final String jobId;
    private final BlockingQueue<JobEvent.Live> queue = new LinkedBlockingQueue<>(100_000);
    private StreamPosition position;
    private JobView snapshot;
    private long lastWrite;
    private long lastFullRead;

    Run(OutputStream out, String uid, String projectId, String jobId, StreamPosition from) {
      this.out = out;
      this.uid = uid;
      this.projectId = projectId;
      this.jobId = jobId;
      this.position = from;
    }

    void run() throws IOException {
      write("retry: " + settings.retry().toMillis() + "\n\n");
      try (AutoCloseable listening = events.listen(jobId, position, queue::offer)) {
        long started = nanoTime.getAsLong();
        long deadline = started + settings.maxDuration().toNanos();
        long interval = settings.checkInterval().toNanos();
        long keepAlive = StreamSettings.KEEP_ALIVE.toNanos();
        snapshot = readAll(started);
        send(new JobEvent.Snapshot(snapshot));
        long nextCheck = started + interval;
        boolean dirty = false;
        boolean broken = false;
        while (!snapshot.ended() && !broken) {
          long now = nanoTime.getAsLong();
          if (now - deadline >= 0) {
            break;
          }
          long wake = Math.min(deadline, Math.min(nextCheck, lastWrite + keepAlive));
          if (dirty) {
            wake = Math.min(wake, lastFullRead + FULL_READ_GAP_NANOS);
          }
          JobEvent.Live e = queue.poll(Math.max(0, wake - now), TimeUnit.NANOSECONDS);
          while (e != null && !broken) {
            Forwarded f = forward(e);
            dirty |= f.changed();
            broken = f.gap();
            e = queue.poll();
          }
          now = nanoTime.getAsLong();
          if (dirty && now - lastFullRead >= FULL_READ_GAP_NANOS) {
            dirty = false;
            nextCheck = now + interval;
            refresh(readAll(now));
          } else if (now - nextCheck >= 0) {
            // Another process may have changed the job: its document and counters say whether it did.
            nextCheck = now + interval;
            JobView job = generation.get().alone(projectId, jobId);
            if (!job.equals(snapshot.withoutItems())) {
              refresh(readAll(now));
            }
          }
          if (nanoTime.getAsLong() - lastWrite >= keepAlive) {
            write(": still working\n\n");
          }
        }
        if (snapshot.ended()) {
          send(new JobEvent.Ended(snapshot));
        } else {
          // Ended by its bound (or it fell behind): the client comes back with the last id.
          write("retry: " + settings.retry().toMillis() + "\n\n");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException("event stream failed", e);
      }
    }

    private JobView readAll(long now) {
      lastFullRead = now;
      return generation.get().get(uid, projectId, jobId);
    }

    private void refresh(JobView now) throws IOException {
      if (!now.equals(snapshot)) {
        snapshot = now;
        send(new JobEvent.Snapshot(snapshot));
      }
    }

    /** What forwarding an event did: whether the job's items may have changed, or text went missing. */
    private record Forwarded(boolean changed, boolean gap) {}

    private Forwarded forward(JobEvent.Live e) throws IOException {
      if (e instanceof JobEvent.TextDelta d) {
        StreamPosition.Mark mark = position.mark(d.index());
        int have = mark != null && mark.epoch().equals(d.epoch()) ? mark.offset() : 0;
        if (d.offset() > have) {
          // Text was dropped (the queue overflowed): end here; the next stream resumes from `have`.
          return new Forwarded(false, true);
        }
        if (d.offset() + d.text().length() <= have) {
          return new Forwarded(false, false);
        }
        position = position.with(d.index(), d.epoch(), d.offset() + d.text().length());
        send(new JobEvent.TextDelta(d.index(), d.text().substring(have - d.offset()), d.epoch(), have));
        return new Forwarded(false, false);
      }
      if (e instanceof JobEvent.TextReset r) {
        position = position.with(r.index(), r.epoch(), 0);
      }
      send(e);
      return new Forwarded(e instanceof JobEvent.TextReset || e instanceof JobEvent.ItemCompleted
          || e instanceof JobEvent.ItemFailed, false);
    }

    private void send(JobEvent e) throws IOException {
      Sse event = sse(e);
      write("id: " + position.format() + "\nevent: " + event.name() + "\ndata: " + event.data() + "\n\n");
    }

    private void write(String text) throws IOException {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
      lastWrite = nanoTime.getAsLong();
    }
  }

  /** A server-sent event's name and data. */
  record Sse(String name, JsonElement data) {}

  /**
   * The server-sent event of a job event, as the web app reads it: {@code job} and {@code end}
   * carry the job; the others {@code {"type": <name>, "index": <item>, ...}}, a delta its text
   * (not where it stands, which the event's id says), an item event how the item ended.
   */
  static Sse sse(JobEvent e) {
    if (e instanceof JobEvent.Snapshot s) {
      return new Sse("job", Json.toApiTree(s.job()));
    }
    if (e instanceof JobEvent.Ended x) {
      return new Sse("end", Json.toApiTree(x.job()));
    }
    if (e instanceof JobEvent.TextReset r) {
      return news("reset", r);
    }
    if (e instanceof JobEvent.TextDelta d) {
      Sse sse = news("delta", d);
      sse.data().getAsJsonObject().addProperty("text", d.text());
      return sse;
    }
    if (e instanceof JobEvent.Progress p) {
      Sse sse = news("progress", p);
      sse.data().getAsJsonObject().addProperty("percent", p.percent());
      return sse;
    }
    if (e instanceof JobEvent.ItemCompleted c) {
      JsonObject o = news("item", c).data().getAsJsonObject();
      o.addProperty("status", "completed");
      o.addProperty("contentId", c.contentId());
      o.addProperty("cached", c.cached());
      return new Sse("item", o);
    }
    if (e instanceof JobEvent.ItemFailed f) {
      JsonObject o = news("item", f).data().getAsJsonObject();
      o.addProperty("status", "failed");
      o.addProperty("failureReason", f.failureReason());
      return new Sse("item", o);
    }
    throw new IllegalArgumentException("no server-sent event for " + e);
  }

  private static Sse news(String name, JobEvent.Live e) {
    JsonObject o = new JsonObject();
    o.addProperty("type", name);
    o.addProperty("index", e.index());
    return new Sse(name, o);
  }
}
