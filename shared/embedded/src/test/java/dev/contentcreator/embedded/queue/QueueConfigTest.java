package dev.contentcreator.embedded.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.generation.GenerationQueues;
import dev.contentcreator.core.generation.GenerationSettings;
import dev.contentcreator.core.generation.QueueSpec;
import java.time.Duration;
import java.util.Map;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class QueueConfigTest {

  @Test
  void defaultsAreCloudTasksDefaults() {
    QueueConfig config = QueueConfig.defaults("q");

    assertEquals(100, config.maxAttempts());
    assertEquals(Duration.ofMillis(100), config.minBackoff());
    assertEquals(Duration.ofSeconds(3600), config.maxBackoff());
    assertEquals(16, config.maxDoublings());
    assertEquals(Duration.ZERO, config.maxRetryDuration());
  }

  @Test
  void backoffDoublesThenGrowsLinearlyThenStaysAtTheMaximum() {
    QueueConfig config = QueueConfig.builder("q").minBackoff(Duration.ofSeconds(10))
        .maxBackoff(Duration.ofSeconds(300)).maxDoublings(3).build();

    List<Long> seconds = IntStream.rangeClosed(1, 8).mapToObj(a -> config.backoffAfter(a).toSeconds()).toList();

    assertEquals(List.of(10L, 20L, 40L, 80L, 160L, 240L, 300L, 300L), seconds);
  }

  @Test
  void defaultBackoffStartsAtATenthOfASecondAndDoubles() {
    QueueConfig config = QueueConfig.defaults("q");

    assertEquals(List.of(100L, 200L, 400L, 800L),
        IntStream.rangeClosed(1, 4).mapToObj(a -> config.backoffAfter(a).toMillis()).toList());
  }

  @Test
  void defaultBackoffReachesTheHourCapWithinItsDoublings() {
    QueueConfig config = QueueConfig.defaults("q");

    assertEquals(Duration.ofMillis(100L << 15), config.backoffAfter(16));
    assertEquals(Duration.ofSeconds(3600), config.backoffAfter(17));
    assertEquals(Duration.ofSeconds(3600), config.backoffAfter(100));
  }

  @Test
  void zeroDoublingsGrowLinearlyFromTheMinimum() {
    QueueConfig config = QueueConfig.builder("q").minBackoff(Duration.ofSeconds(5))
        .maxBackoff(Duration.ofSeconds(12)).maxDoublings(0).build();

    assertEquals(List.of(5L, 10L, 12L),
        IntStream.rangeClosed(1, 3).mapToObj(a -> config.backoffAfter(a).toSeconds()).toList());
  }

  @Test
  void givesUpWhenAttemptsAreSpentAndThereIsNoDurationLimit() {
    QueueConfig config = QueueConfig.builder("q").maxAttempts(3).build();

    assertFalse(config.givesUpAfter(2, Duration.ofDays(1)));
    assertTrue(config.givesUpAfter(3, Duration.ZERO));
  }

  @Test
  void keepsTryingUntilBothAttemptsAndDurationAreSpent() {
    QueueConfig config = QueueConfig.builder("q").maxAttempts(3).maxRetryDuration(Duration.ofMinutes(10)).build();

    assertFalse(config.givesUpAfter(5, Duration.ofMinutes(9)));
    assertFalse(config.givesUpAfter(2, Duration.ofMinutes(11)));
    assertTrue(config.givesUpAfter(3, Duration.ofMinutes(10)));
  }

  @Test
  void unlimitedAttemptsStopOnlyAtTheDurationLimit() {
    QueueConfig config = QueueConfig.builder("q").maxAttempts(-1).maxRetryDuration(Duration.ofMinutes(10)).build();

    assertFalse(config.givesUpAfter(1_000, Duration.ofMinutes(9)));
    assertTrue(config.givesUpAfter(1_000, Duration.ofMinutes(10)));
  }

  @Test
  void unlimitedAttemptsWithoutDurationLimitNeverGiveUp() {
    QueueConfig config = QueueConfig.builder("q").maxAttempts(-1).build();

    assertFalse(config.givesUpAfter(Integer.MAX_VALUE, Duration.ofDays(3650)));
  }

  @Test
  void zeroAttemptsAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> QueueConfig.builder("q").maxAttempts(0));

    assertTrue(e.getMessage().contains("maxAttempts"), e.getMessage());
  }

  @Test
  void maxBackoffBelowMinBackoffIsRejected() {
    QueueConfig.Builder builder = QueueConfig.builder("q").minBackoff(Duration.ofSeconds(10))
        .maxBackoff(Duration.ofSeconds(5));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertTrue(e.getMessage().contains("maxBackoff"), e.getMessage());
  }

  @Test
  void queueNameCloudTasksWouldRefuseIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> QueueConfig.defaults("Not A Queue"));
  }

  @Test
  void theGenerationQueueRetriesAPassingFailureSoonAndStillSpansAboutAHundredSeconds() {
    QueueSpec spec = GenerationQueues.item(GenerationSettings.from(Config.of(Map.of())));
    QueueConfig config = QueueConfig.builder(spec.name()).maxAttempts(spec.maxAttempts()).minBackoff(spec.minBackoff())
        .maxBackoff(spec.maxBackoff()).maxDoublings(spec.maxDoublings()).build();
    List<Duration> waits = IntStream.range(1, spec.maxAttempts()).mapToObj(config::backoffAfter).toList();
    assertEquals(List.of(100L, 200L, 400L, 800L, 1_600L, 3_200L, 6_400L, 12_800L, 25_600L, 51_200L),
        waits.stream().map(Duration::toMillis).toList());
    assertEquals(Duration.ofMillis(102_300), waits.stream().reduce(Duration.ZERO, Duration::plus));
  }
}
