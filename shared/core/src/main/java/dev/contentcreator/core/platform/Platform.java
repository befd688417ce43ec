package dev.contentcreator.core.platform;

import java.util.function.Function;
import java.util.concurrent.ConcurrentHashMap;
import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.Settings;
import dev.contentcreator.core.generation.JobEvents;
import dev.contentcreator.core.generation.Providers;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.ports.ai.ProviderPolicy;
import dev.contentcreator.core.net.SafeFetcher;
import dev.contentcreator.core.ports.BlobStore;
import dev.contentcreator.core.ports.MediaProcessor;
import dev.contentcreator.core.ports.Cache;
import dev.contentcreator.core.ports.EventBus;
import dev.contentcreator.core.ports.TaskQueue;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.ChangeFeed;
import dev.contentcreator.core.live.LocalChangeFeed;
import dev.contentcreator.core.live.WatchedDocuments;
import dev.contentcreator.core.log.Log;
import dev.contentcreator.core.ports.IdentityVerifier;
import dev.contentcreator.core.ports.Mailer;
import dev.contentcreator.core.ports.Secrets;
import dev.contentcreator.core.ports.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * The adapters of one process, each made on first use from the factory the configuration names:
 * a function that never touches blobs never loads the blob adapter. Thread-safe.
 *
 * <p>Settings: {@code DOCUMENTS} (default {@code sqlite}), {@code BLOBS} ({@code folder}),
 * {@code RATE_LIMITS} and {@code CACHE} ({@code redis} when {@code REDIS_URL} is set, else {@code memory}),
 * {@code TASKS} and {@code EVENTS} ({@code sqlite}),
 * {@code IDENTITY} ({@code firebase}), {@code MAILER} ({@code outbox}), {@code TOKEN_CACHE_TTL} (60s: how long a verified token is
 * remembered, and so the longest a revoked or disabled account keeps access on routes that are not
 * sensitive; 0s turns it off). A process configured for the Auth emulator with a project that is
 * not a {@code demo-} project is refused here ({@link AuthEmulatorGuard}).
 */
public final class Platform implements AutoCloseable {
  private static final String LOCAL_FEED = "local";
  private final Config config;
  private final Clock clock;
  private final Lazy<DocumentStore> documents;
  private final Lazy<ChangeFeed> changes;
  private final LocalChangeFeed localChanges = new LocalChangeFeed();
  private final Lazy<BlobStore> blobs;
  private final Lazy<RateLimiter> rateLimiter;
  private final Lazy<IdentityVerifier> identity;
  private final Lazy<Cache> cache;
  private final Lazy<TaskQueue> tasks;
  private final Lazy<EventBus> events;
  private final Lazy<Providers> providers;
  private final Lazy<ProviderPolicy> policy;
  private final JobEvents jobEvents = new JobEvents();
  private final Lazy<MediaProcessor> media;
  private final Lazy<SafeFetcher> fetcher;
  private final Lazy<Mailer> mailer;
  private final Lazy<Secrets> secrets;
  private final Lazy<dev.contentcreator.core.ports.Vectors> vectors;
  private final Lazy<dev.contentcreator.core.ports.Embedder> embedder;
  private final ConcurrentHashMap<Class<?>, Object> settings = new ConcurrentHashMap<>();

  private Platform(Config config, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    AuthEmulatorGuard.check(config);
    this.clock = Objects.requireNonNull(clock, "clock");
    String feed = config.find(Settings.CHANGE_FEED)
        .orElse(config.get(Settings.DOCUMENTS).equals("firestore") ? "firestore" : LOCAL_FEED);
    this.documents = new Lazy<>(() -> {
      DocumentStore store = create(DocumentStore.class, config.get(Settings.DOCUMENTS));
      // On the local feed, the store itself tells of the writes live views watch.
      return feed.equals(LOCAL_FEED) ? new WatchedDocuments(store, localChanges) : store;
    });
    this.changes = new Lazy<>(() -> feed.equals(LOCAL_FEED) ? localChanges : create(ChangeFeed.class, feed));
    this.blobs = new Lazy<>(() -> create(BlobStore.class, config.get(Settings.BLOBS)));
    this.rateLimiter = new Lazy<>(() -> create(RateLimiter.class, config.find(Settings.RATE_LIMITS).orElseGet(() -> redisOr("memory"))));
    this.cache = new Lazy<>(() -> create(Cache.class, config.find(Settings.CACHE).orElseGet(() -> redisOr("memory"))));
    this.tasks = new Lazy<>(() -> create(TaskQueue.class, config.get(Settings.TASKS)));
    this.events = new Lazy<>(() -> create(EventBus.class, config.get(Settings.EVENTS)));
    this.providers = new Lazy<>(() -> Providers.load(config));
    this.media = new Lazy<>(() -> create(MediaProcessor.class, config.get(Settings.MEDIA_PROCESSOR)));
    this.fetcher = new Lazy<>(() -> SafeFetcher.builder(config).build());
    this.mailer = new Lazy<>(() -> create(Mailer.class, config.get(Settings.MAILER)));
    this.secrets = new Lazy<>(() -> create(Secrets.class, config.get(Settings.SECRETS)));
    this.vectors = new Lazy<>(() -> create(dev.contentcreator.core.ports.Vectors.class, config.find(Settings.VECTORS)
        .orElse(config.get(Settings.DOCUMENTS).equals("firestore") ? "firestore" : "sqlite")));
    this.embedder = new Lazy<>(() -> create(dev.contentcreator.core.ports.Embedder.class, config.get(Settings.EMBEDDER)));
    this.policy = new Lazy<>(() -> {
      try {
        return create(ProviderPolicy.class, config.get(Settings.PROVIDER_POLICY));
      } catch (IllegalStateException e) {
        // A function that never calls a provider ships without the policies; it has no circuit to check.
        return ProviderPolicy.DIRECT;
      }
    });
    this.identity = new Lazy<>(() -> {
      IdentityVerifier adapter = create(IdentityVerifier.class, config.get(Settings.IDENTITY));
      Duration ttl = config.get(Settings.TOKEN_CACHE_TTL);
      return ttl.isZero() ? adapter : new CachingIdentityVerifier(adapter, clock, ttl, 10_000);
    });
  }

  /**
   * The typed settings record {@code type} of this process (such as GenerationSettings), read from
   * the configuration by {@code read} on first use and the same object after, so each is read and
   * checked once.
   */
  public <T> T settings(Class<T> type, Function<Config, T> read) {
    Objects.requireNonNull(read, "read");
    return type.cast(settings.computeIfAbsent(Objects.requireNonNull(type, "type"), t -> read.apply(config)));
  }

  private String redisOr(String fallback) {
    return config.find(Settings.REDIS_URL).isPresent() ? "redis" : fallback;
  }

  /**
   * The platform of this process, made on first use from the configuration given to
   * {@link #configure} or else from the environment.
   */
  public static Platform get() {
    return Holder.INSTANCE;
  }

  /**
   * Sets the configuration of the process's platform (the local server does, to add its defaults).
   * Must come before the first {@link #get()}.
   */
  public static synchronized void configure(Config config) {
    if (created) {
      throw new IllegalStateException("the platform is already made; configure it before first use");
    }
    configured = Objects.requireNonNull(config, "config");
  }

  private static volatile Config configured;
  private static volatile boolean created;

  public static Platform create(Config config, Clock clock) {
    return new Platform(config, clock);
  }

  public Config config() { return config; }
  public Clock clock() { return clock; }
  public DocumentStore documents() { return documents.get(); }

  /** News of changes to content items, for live views. */
  public ChangeFeed changes() { return changes.get(); }
  public BlobStore blobs() { return blobs.get(); }
  public RateLimiter rateLimiter() { return rateLimiter.get(); }
  public IdentityVerifier identity() { return identity.get(); }
  public Cache cache() { return cache.get(); }
  public TaskQueue tasks() { return tasks.get(); }
  public EventBus events() { return events.get(); }
  /** The providers this process may call, as configured. */
  public Providers providers() { return providers.get(); }
  /** The resilience policies around provider calls, shared by every function of the process. */
  public ProviderPolicy policy() { return policy.get(); }
  /** Checks and processes images and videos. */
  public MediaProcessor media() { return media.get(); }
  /** Copies media from addresses outside, safely (https, allowlisted hosts, no private addresses). */
  public SafeFetcher fetcher() { return fetcher.get(); }
  /** Keeps secrets: the encrypted key file ({@code SECRETS=keyfile}) or Google Secret Manager. */
  public Secrets secrets() { return secrets.get(); }
  /** The vectors of brand knowledge: SQLite rows ({@code VECTORS=sqlite}) or Firestore vector fields. */
  public dev.contentcreator.core.ports.Vectors vectors() { return vectors.get(); }
  /** Embeds brand knowledge: the offline model ({@code EMBEDDER=offline}) or a provider's. */
  public dev.contentcreator.core.ports.Embedder embedder() { return embedder.get(); }
  /** Sends e-mail: the folder outbox ({@code MAILER=outbox}) or SMTP. */
  public Mailer mailer() { return mailer.get(); }
  /** Live news of jobs within this process. */
  public JobEvents jobEvents() { return jobEvents; }

  /**
   * Makes the clients every signed-in request needs, each on a thread of its own: opens the document
   * store's connection with one read of a document that does not exist (one read, billed as such on
   * Firestore), lets the identity and rate-limit adapters connect ({@link IdentityVerifier#warmUp},
   * {@link RateLimiter#warmUp}) and builds the JSON writers ({@link Json#warmUp}). On a new function
   * instance this runs beside the server's own start-up and the first request's token check instead
   * of after them. Failures are only logged: the request that
   * needs the client makes it again and answers for it. Returns the threads, to join in tests.
   */
  public List<Thread> warmUp() {
    return List.of(
        warm("warm-documents", () -> documents().get(WARM_UP_COLLECTION, WARM_UP_ID)),
        warm("warm-identity", () -> identity().warmUp()),
        warm("warm-rate-limits", () -> rateLimiter().warmUp()),
        warm("warm-json", Json::warmUp));
  }

  /** The document {@link #warmUp()} reads: it never exists. */
  static final String WARM_UP_COLLECTION = "users";
  static final String WARM_UP_ID = "warm-up-read";

  private static Thread warm(String name, Runnable work) {
    Thread t = new Thread(() -> {
      try {
        work.run();
      } catch (RuntimeException | LinkageError e) {
        Log.warning(name + " failed; the first request will make the client itself", e);
      }
    }, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Whether the adapter of this port has been made yet (to prove laziness in tests). */
  public boolean isLoaded(Class<?> port) {
    if (port == DocumentStore.class) return documents.isLoaded();
    if (port == BlobStore.class) return blobs.isLoaded();
    if (port == RateLimiter.class) return rateLimiter.isLoaded();
    if (port == IdentityVerifier.class) return identity.isLoaded();
    if (port == Cache.class) return cache.isLoaded();
    if (port == TaskQueue.class) return tasks.isLoaded();
    if (port == EventBus.class) return events.isLoaded();
    if (port == MediaProcessor.class) return media.isLoaded();
    if (port == Mailer.class) return mailer.isLoaded();
    if (port == ChangeFeed.class) return changes.isLoaded();
    if (port == dev.contentcreator.core.ports.Vectors.class) return vectors.isLoaded();
    if (port == dev.contentcreator.core.ports.Embedder.class) return embedder.isLoaded();
    throw new IllegalArgumentException("not a port of the platform: " + port.getName());
  }

  @Override
  public void close() {
    for (Lazy<?> lazy : List.of(tasks, events, changes, cache, vectors, documents, blobs, rateLimiter, identity, secrets)) {
      lazy.closeIfLoaded();
    }
  }

  private <T> T create(Class<T> port, String name) {
    List<String> known = new ArrayList<>();
    List<String> broken = new ArrayList<>();
    Iterator<PortFactory> factories = ServiceLoader.load(PortFactory.class, Platform.class.getClassLoader()).iterator();
    while (true) {
      PortFactory<?> factory;
      try {
        if (!factories.hasNext()) {
          break;
        }
        factory = factories.next();
      } catch (ServiceConfigurationError e) {
        // One broken adapter listing must not hide the others; the loader moves on to the next.
        broken.add(e.getMessage());
        continue;
      }
      if (factory.port() == port) {
        if (factory.name().equals(name)) {
          return port.cast(factory.create(config));
        }
        known.add(factory.name());
      }
    }
    throw new IllegalStateException("no " + port.getSimpleName() + " adapter named '" + name
        + "' on the classpath; found: " + known + (broken.isEmpty() ? "" : "; could not load: " + broken));
  }

  private static final class Holder {
    static final Platform INSTANCE = make();

    private static Platform make() {
      synchronized (Platform.class) {
        created = true;
        Config c = configured;
        return new Platform(c == null ? Config.fromEnvironment() : c, Clock.systemUTC());
      }
    }
  }

}
