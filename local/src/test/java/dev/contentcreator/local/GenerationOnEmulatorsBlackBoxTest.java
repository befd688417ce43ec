package dev.contentcreator.local;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every test of {@link GenerationBlackBoxTest}, with jobs, items and contents in Firestore and the
 * generation event going through Pub/Sub to the fan-out (both on their emulators).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GenerationOnEmulatorsBlackBoxTest extends GenerationBlackBoxTest implements OnEmulators.Marker {

  /**
   * Last on the emulator: sixty items finishing into one job document leave retried transactions
   * behind for a while after the job has ended (the emulator settles contention by lock timeouts);
   * in two runs a one-item job started right after it waited over a minute.
   */
  @Override
  @Test
  @Order(Integer.MAX_VALUE)
  void aCancelledJobEndsAndStopsItsQueuedItems() throws Exception {
    super.aCancelledJobEndsAndStopsItsQueuedItems();
  }
}
