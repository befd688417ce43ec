package dev.contentcreator.core.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.config.Config;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenerationQueuesTest {

  @Test
  void theItemQueueTriesAnItemAsOftenAsTheRunnerCountsOnIt() {
    GenerationSettings settings = GenerationSettings.from(Config.of(Map.of("GENERATION_MAX_ATTEMPTS", "3")));

    assertEquals(settings.itemMaxAttempts(), GenerationQueues.item(settings).maxAttempts());
    assertEquals(3, GenerationQueues.item(settings).maxAttempts());
  }

  @Test
  void withTheDefaultsTheQueuesAreThoseOfTerraform() {
    GenerationSettings settings = GenerationSettings.from(Config.of(Map.of()));
    QueueSpec item = GenerationQueues.item(settings);
    QueueSpec poll = GenerationQueues.poll(settings);

    assertEquals(new QueueSpec("generation", 11, Duration.ofMillis(100), Duration.ofSeconds(60), 8, Duration.ZERO, 32, 50,
        Duration.ofMinutes(10)), item);
    assertEquals(new QueueSpec("generation-poll", -1, Duration.ofSeconds(10), Duration.ofSeconds(60), 3,
        Duration.ofSeconds(1260), 32, 20, Duration.ofMinutes(10)), poll);
  }

  @Test
  void pollsGoOnPastTheAsyncDeadlineSoThePollThatFailsTheItemRuns() {
    GenerationSettings settings = GenerationSettings.from(Config.of(Map.of("GENERATION_ASYNC_DEADLINE", "2s",
        "GENERATION_POLL_INTERVAL", "100ms")));
    QueueSpec poll = GenerationQueues.poll(settings);

    assertTrue(poll.maxRetryDuration().compareTo(settings.asyncDeadline().plus(poll.maxBackoff())) >= 0, poll::toString);
  }
}
