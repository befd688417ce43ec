package dev.contentcreator.local;

import dev.contentcreator.testkit.FirestoreEmulator;
import dev.contentcreator.testkit.PubSubEmulator;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.TestInfo;

/**
 * Settings that put the local server on the production adapters, against gcloud's emulators:
 * documents in Firestore, events through Pub/Sub (pulled where production pushes), people in the
 * Auth emulator as always. Cloud Tasks has no emulator, so tasks stay on the embedded queue. A test
 * class that asks for these is skipped, saying which emulator is missing, where gcloud lacks them.
 */
final class OnEmulators {
  private OnEmulators() {}

  /** Marks a black-box test class that runs its parent's tests on the emulators. */
  interface Marker {}

  /** The production adapters for a {@link Marker} class, none (the embedded defaults) otherwise. */
  static Map<String, String> adaptersFor(TestInfo test) {
    Class<?> testClass = test.getTestClass().orElseThrow();
    return Marker.class.isAssignableFrom(testClass) ? production() : Map.of();
  }

  /** One project for Firestore, Pub/Sub and Auth, as in production; the Auth emulator serves any. */
  static final String PROJECT = "demo-contentcreator";

  /**
   * The production adapters, on an empty Firestore project with no Pub/Sub subscriptions. Every
   * on-emulators class shares the project: a job an earlier class left queued would otherwise be
   * swept again by this class's server and hold its few generation slots, and the fan-out
   * subscription an earlier server pulled from left this server's messages undelivered (the
   * emulator kept the stopped subscriber's state), so its jobs never started.
   */
  static Map<String, String> production() {
    FirestoreEmulator.clear(PROJECT);
    PubSubEmulator.deleteSubscriptions(PROJECT);
    Map<String, String> env = new HashMap<>();
    env.put("DOCUMENTS", "firestore");
    env.put("FIRESTORE_EMULATOR_HOST", FirestoreEmulator.host());
    env.put("EVENTS", "pubsub");
    env.put("PUBSUB_EMULATOR_HOST", PubSubEmulator.host());
    env.put("GOOGLE_CLOUD_PROJECT", PROJECT);
    // Every finishing item updates its job's document in a transaction. The emulator settles
    // contended transactions by lock timeouts, so 32 items at once (the default) turn a 60-item job
    // into minutes and starve a cancel; a few at once keep it to seconds, as on real Firestore.
    env.put("GENERATION_CONCURRENCY", "4");
    return env;
  }

  /** {@code adapters} plus the given key, value pairs. */
  static Map<String, String> with(Map<String, String> adapters, String... pairs) {
    Map<String, String> env = new HashMap<>(adapters);
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }
}
