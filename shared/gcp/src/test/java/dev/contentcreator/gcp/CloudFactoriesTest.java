package dev.contentcreator.gcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.platform.Platform;
import dev.contentcreator.core.platform.PortFactory;
import dev.contentcreator.core.ports.BlobStore;
import dev.contentcreator.core.ports.EventBus;
import dev.contentcreator.core.ports.TaskQueue;
import dev.contentcreator.gcp.pubsub.PubSubEventBus;
import dev.contentcreator.gcp.storage.GcsBlobStoreFactory;
import java.time.Clock;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Configuration alone picks the Google Cloud adapters, and each says which setting it lacks. */
final class CloudFactoriesTest {

  @Test
  void theModuleListsAFactoryForEachCloudAdapter() {
    Set<String> listed = ServiceLoader.load(PortFactory.class).stream().map(ServiceLoader.Provider::get)
        .map(f -> f.port().getSimpleName() + "=" + f.name()).collect(Collectors.toSet());

    assertTrue(listed.containsAll(Set.of("BlobStore=gcs", "EventBus=pubsub", "TaskQueue=cloudtasks")), listed::toString);
  }

  @Test
  void eventsPubsubMakesThePubSubBusOnFirstUseOnly() {
    try (Platform platform = Platform.create(Config.of(Map.of("EVENTS", "pubsub", "GOOGLE_CLOUD_PROJECT", "cc-test",
        "PUBSUB_EMULATOR_HOST", "127.0.0.1:1")), Clock.systemUTC())) {
      assertFalse(platform.isLoaded(EventBus.class));

      PubSubEventBus bus = assertInstanceOf(PubSubEventBus.class, platform.events());

      assertEquals("cc-test", bus.project());
      assertTrue(platform.isLoaded(EventBus.class));
    }
  }

  @Test
  void eventsPubsubWithoutAProjectSaysSo() {
    try (Platform platform = Platform.create(Config.of(Map.of("EVENTS", "pubsub")), Clock.systemUTC())) {
      IllegalStateException e = assertThrows(IllegalStateException.class, platform::events);

      assertTrue(e.getMessage().contains("GOOGLE_CLOUD_PROJECT"), e.getMessage());
    }
  }

  @Test
  void blobsGcsWithoutABucketSaysSo() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new GcsBlobStoreFactory().create(Config.of(Map.of("BLOBS", "gcs"))));

    assertTrue(e.getMessage().contains("MEDIA_BUCKET"), e.getMessage());
  }

  @Test
  void tasksCloudtasksWithoutItsTargetSaysSo() {
    try (Platform platform = Platform.create(Config.of(Map.of("TASKS", "cloudtasks", "GOOGLE_CLOUD_PROJECT", "p1",
        "REGION", "europe-west1")), Clock.systemUTC())) {
      IllegalStateException e = assertThrows(IllegalStateException.class, platform::tasks);

      assertTrue(e.getMessage().contains("TASKS_TARGET_URL"), e.getMessage());
      assertFalse(platform.isLoaded(TaskQueue.class));
      assertFalse(platform.isLoaded(BlobStore.class));
    }
  }
}
