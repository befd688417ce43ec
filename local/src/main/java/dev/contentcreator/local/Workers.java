package dev.contentcreator.local;

import dev.contentcreator.core.config.Settings;
import dev.contentcreator.core.generation.GenerationSettings;
import dev.contentcreator.core.deletion.PurgeService;
import dev.contentcreator.core.generation.GenerationQueues;
import dev.contentcreator.core.generation.GenerationTasks;
import dev.contentcreator.core.generation.QueueSpec;
import dev.contentcreator.core.log.Log;
import dev.contentcreator.core.hooks.HookService;
import dev.contentcreator.core.publishing.PublishingService;
import dev.contentcreator.core.mail.MailService;
import dev.contentcreator.core.platform.Platform;
import dev.contentcreator.core.platform.Services;
import dev.contentcreator.embedded.queue.QueueConfig;
import dev.contentcreator.embedded.queue.SqliteEventBus;
import dev.contentcreator.embedded.queue.SqliteTaskQueue;
import dev.contentcreator.embedded.queue.SubscriptionConfig;
import dev.contentcreator.gcp.pubsub.PubSubEventBus;
import dev.contentcreator.gcp.pubsub.PubSubSubscription;
import java.time.Duration;

/**
 * What Cloud Tasks, Pub/Sub and Cloud Scheduler call in production, run in this JVM: the fan-out
 * subscribes to generation requests, the item runner takes the generation and polling queues, and
 * the batch scheduler ticks every {@code BATCH_TICK} (1m). The queues live
 * in the SQLite file, so work accepted before a crash resumes when the server starts again.
 */
final class Workers {
  private Workers() {}

  /** Configures the queues, registers the handlers and starts dispatching; a no-op off the embedded queue. */
  static void start(Platform platform, Services services) {
    GenerationSettings settings = platform.settings(GenerationSettings.class, GenerationSettings::from);
    if (platform.tasks() instanceof SqliteTaskQueue tasks) {
      // The same retry settings as the Cloud Tasks queues of terraform/messaging.tf.
      for (QueueSpec spec : GenerationQueues.all(settings)) {
        tasks.configureQueue(QueueConfig.builder(spec.name())
            .maxAttempts(spec.maxAttempts())
            .minBackoff(spec.minBackoff())
            .maxBackoff(spec.maxBackoff())
            .maxDoublings(spec.maxDoublings())
            .maxRetryDuration(spec.maxRetryDuration())
            .maxConcurrentDispatches(spec.maxConcurrentDispatches())
            .dispatchDeadline(spec.dispatchDeadline())
            .build());
      }
      GenerationTasks.handlers(services::runner).forEach(tasks::registerHandler);
      PurgeService.handlers(services::purges).forEach(tasks::registerHandler);
      MailService.handlers(services::mail).forEach(tasks::registerHandler);
      HookService.handlers(services::hooks).forEach(tasks::registerHandler);
      dev.contentcreator.core.knowledge.KnowledgeService.handlers(services::knowledge).forEach(tasks::registerHandler);
      dev.contentcreator.core.exports.BackgroundExports.handlers(services::backgroundExports)
          .forEach(tasks::registerHandler);
      PublishingService.handlers(services::publishing).forEach(tasks::registerHandler);
      tasks.start();
    }
    if (platform.events() instanceof SqliteEventBus events) {
      events.subscribe(SubscriptionConfig.builder(GenerationSettings.TOPIC, "fan-out")
          .minBackoff(Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(60)).build(), services.fanOut());
      events.start();
    } else if (platform.events() instanceof PubSubEventBus pubsub) {
      // The same stack on the Pub/Sub emulator (or a real topic): pull where production pushes.
      pubsub.subscribe(PubSubSubscription.builder(GenerationSettings.TOPIC, "fan-out")
          .minBackoff(Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(60)).build(), services.fanOut());
    }
    // The scheduler of batches: what Cloud Scheduler calls every minute in production.
    Duration tick = platform.config().get(Settings.BATCH_TICK);
    java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "batch-scheduler");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(() -> {
      try {
        int started = services.batches().tick();
        if (started > 0) {
          Log.info("started " + started + " batch run(s)");
        }
      } catch (RuntimeException e) {
        Log.error("the batch scheduler failed this time and runs again in " + tick, e);
      }
    }, 0, tick.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    // A job accepted before the subscription existed (the very first start), or whose event was lost
    // (its fan-out failed on every delivery and went to the dead-letter topic), would otherwise wait
    // forever: swept at start and then every JOBS_SWEEP, as Cloud Scheduler's jobs-sweep does.
    Duration sweep = platform.config().get(Settings.JOBS_SWEEP);
    timer.scheduleWithFixedDelay(() -> {
      try {
        int swept = services.fanOut().fanOutQueuedJobs();
        if (swept > 0) {
          Log.info("queued the items of " + swept + " job(s) that were waiting");
        }
      } catch (RuntimeException e) {
        Log.error("the sweep of queued jobs failed this time and runs again in " + sweep, e);
      }
    }, 0, sweep.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }
}
