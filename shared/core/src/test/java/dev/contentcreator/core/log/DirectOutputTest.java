package dev.contentcreator.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The lock-free standard output: a line being written does not make the other requests' lines wait,
 * and a line too long to be written in one piece waits for them and they for it.
 */
class DirectOutputTest {
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  /** A descriptor-like stream whose writes of lines starting with "slow" block until released. */
  private static final class Gate extends OutputStream {
    final CountDownLatch slowStarted = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final List<String> written = new CopyOnWriteArrayList<>();

    @Override
    public void write(int b) {
      throw new AssertionError("a line is written with one call");
    }

    @Override
    public void write(byte[] b) {
      String line = new String(b, StandardCharsets.UTF_8);
      if (line.startsWith("slow")) {
        slowStarted.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      written.add(line);
    }
  }

  /** Starts writing a line the gate holds, and returns once the write is under way. */
  private Future<?> writeSlowLine(LogOutput out, Gate gate) throws InterruptedException {
    Future<?> slow = threads.submit(() -> out.write(Severity.INFO, line("slow request")));
    assertTrue(gate.slowStarted.await(10, TimeUnit.SECONDS));
    return slow;
  }

  private static byte[] line(String text) {
    return (text + "\n").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aLineBeingWrittenDoesNotHoldUpAnother() throws Exception {
    Gate gate = new Gate();
    LogOutput out = LogOutput.direct(gate);
    Future<?> slow = writeSlowLine(out, gate);

    // With one lock around every write (PrintStream's), this would wait for the slow line forever.
    threads.submit(() -> out.write(Severity.INFO, line("other request"))).get(10, TimeUnit.SECONDS);
    assertEquals(List.of("other request\n"), gate.written);

    gate.release.countDown();
    slow.get(10, TimeUnit.SECONDS);
    assertEquals(List.of("other request\n", "slow request\n"), gate.written);
  }

  @Test
  void aLineTooLongToStayWholeWaitsForTheLinesBeingWritten() throws Exception {
    Gate gate = new Gate();
    LogOutput out = LogOutput.direct(gate);
    Future<?> slow = writeSlowLine(out, gate);

    String longText = "long " + "x".repeat(LogOutput.DirectOutput.WHOLE_WRITE);
    Future<?> longLine = threads.submit(() -> out.write(Severity.ERROR, line(longText)));
    try {
      longLine.get(300, TimeUnit.MILLISECONDS);
      throw new AssertionError("the long line was written while another line was being written");
    } catch (TimeoutException expected) {
      // still waiting, as it must
    }
    assertFalse(gate.written.contains(longText + "\n"));

    gate.release.countDown();
    slow.get(10, TimeUnit.SECONDS);
    longLine.get(10, TimeUnit.SECONDS);
    assertEquals(List.of("slow request\n", longText + "\n"), gate.written);
  }

  @Test
  void aLineOfExactlyTheWholeWriteSizeIsWrittenSideBySide() throws Exception {
    Gate gate = new Gate();
    LogOutput out = LogOutput.direct(gate);
    Future<?> slow = writeSlowLine(out, gate);

    String text = "y".repeat(LogOutput.DirectOutput.WHOLE_WRITE - 1); // with its line feed: exactly the size
    threads.submit(() -> out.write(Severity.INFO, line(text))).get(10, TimeUnit.SECONDS);
    gate.release.countDown();
    slow.get(10, TimeUnit.SECONDS);
    assertEquals(2, gate.written.size());
  }
}
