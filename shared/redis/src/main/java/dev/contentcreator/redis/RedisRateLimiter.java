package dev.contentcreator.redis;

import dev.contentcreator.core.log.Log;
import dev.contentcreator.core.ports.RateLimiter;
import dev.contentcreator.ratelimit.LocalBuckets;
import dev.contentcreator.ratelimit.TokenBuckets;
import io.github.bucket4j.TimeMeter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * Rate limits shared by every process that talks to one Redis: a token bucket per key and limit,
 * kept by one Lua script ({@code token-buckets.lua}) that takes a token from every bucket of a
 * request, or from none, in one round trip.
 *
 * <p><b>Why a script of our own.</b> Bucket4j's Redis integration is a compare-and-swap: a GET and
 * an EVAL per bucket, retried when another process changed the bucket in between, so two buckets
 * per request cost four round trips at best and seven were measured at 16 clients on hot keys.
 * The script does the same token-bucket arithmetic as Bucket4j's greedy refill (the in-memory
 * adapter and the fallback still use Bucket4j, and the contract suite holds all three to the same
 * answers) inside Redis, which runs scripts one at a time, so it needs no retry. It is sent once
 * and then called by its SHA-1 ({@code EVALSHA}); a Redis that lost it (a restart, a fail-over)
 * gets it again with {@code EVAL}. All keys of one call must live on one Redis node: Memorystore's
 * basic and standard tiers are one node (a cluster would need the keys in one hash slot).
 *
 * <p><b>Many requests, one write.</b> Calls that arrive while another is on the wire wait for it and
 * then go out together, as one pipeline of EVALSHAs (a {@link Coalescer}, at most
 * {@value #MAX_PIPELINE}); a call that finds none out goes at once. Each is still its own script
 * run, all or nothing for its request's buckets; what changes is that a busy instance and its Redis
 * make one write and one read for many requests instead of a pair each. Measured with
 * {@code redis-benchmark} on this script, Redis spends 28 µs of CPU a call sent alone and 10 µs a
 * call in pipelines of 16 (2 cores, 2026-12-04). At most one batch is out at a time, so the
 * limiter holds one connection of its pool at once.
 *
 * <p><b>Time.</b> The refill is computed with the caller's clock (a Bucket4j {@link TimeMeter},
 * wall-clock milliseconds by default), so the instances sharing a Redis should keep their clocks
 * in sync (NTP); a bucket never goes back in time when one instance's clock is behind another's.
 * Tests pass a clock they move by hand.
 *
 * <p><b>Keys.</b> {@code <prefix>rl:<capacity>/<period>:<key>}, a hash, for example
 * {@code cc:rl:60/PT1M:user-42}: calling one key with another limit uses another bucket. Every
 * write sets the key to expire when the bucket would be full again (plus one second of slack), so
 * idle keys leave Redis by themselves.
 *
 * <p><b>When Redis fails.</b> A call that cannot reach Redis (refused, timed out, closed, AUTH or
 * TLS failing) is answered by {@link LocalBuckets} in this process instead, and Redis is not tried
 * again for {@link #RETRY_AFTER_FAILURE}: the limits stay on, enforced per instance, rather than
 * switching off or refusing everyone. The calls that had queued behind the failing one keep to the
 * local buckets too, rather than each waiting for Redis again. The outage is logged once per retry
 * period.
 *
 * <p>Thread-safe. When made from a URI the client (a pool of {@code poolSize} connections) is opened
 * on first use and closed by {@link #close()}; a client passed in is left open for its owner.
 */
public final class RedisRateLimiter implements RateLimiter, Closeable {
  static final String DEFAULT_KEY_PREFIX = "cc:";
  private static final long KEEP_AFTER_FULL_MILLIS = 1_000;
  /** How long the limiter keeps to its local buckets after Redis failed, before trying Redis again. */
  static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(5);
  /** The most calls of the script sent in one pipeline. */
  static final int MAX_PIPELINE = 64;
  private static final String SCRIPT = script();
  static final String SCRIPT_SHA1 = sha1(SCRIPT);

  private final LazyRedis<UnifiedJedis> redis;
  private final String keyPrefix;
  private final TimeMeter timeMeter;
  private final LocalBuckets fallback;
  private final Coalescer<ScriptCall, Object> calls;
  private final Object failures = new Object();
  private volatile long redisAgainAtNanos;
  private volatile boolean failing;
  /** When the last failure was logged; guarded by {@link #failures}. */
  private long loggedFailureAtNanos;

  private RedisRateLimiter(Builder builder) {
    this.redis = new LazyRedis<>(builder.uri, builder.caCertificates, builder.poolSize, builder.client,
        "Redis rate limiter", client -> client);
    this.keyPrefix = builder.keyPrefix;
    this.timeMeter = builder.timeMeter;
    this.fallback = new LocalBuckets(TimeMeter.SYSTEM_NANOTIME, 100_000);
    this.calls = new Coalescer<>(this::send, MAX_PIPELINE);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Decision tryAcquire(String key, Limit limit) {
    return tryAcquireAll(List.of(new Bucket(key, limit))).get(0);
  }

  @Override
  public List<Decision> tryAcquireAll(List<Bucket> buckets) {
    if (buckets.isEmpty()) {
      return List.of();
    }
    requireOpen();
    if (skippingRedis()) {
      return fallback.tryAcquireAll(buckets);
    }
    try {
      List<Decision> decisions = run(buckets);
      if (failing) {
        synchronized (failures) {
          if (failing) {
            failing = false;
            Log.info("Redis rate limiter: Redis answers again; shared limits are back");
          }
        }
      }
      return decisions;
    } catch (SkippedRedis e) {
      return fallback.tryAcquireAll(buckets);
    } catch (RuntimeException e) {
      // Jedis's own exceptions, or a reply of the wrong shape: either way the store did not answer.
      failed(e);
      return fallback.tryAcquireAll(buckets);
    }
  }

  /** Whether Redis failed less than {@link #RETRY_AFTER_FAILURE} ago, so calls keep to the local buckets. */
  private boolean skippingRedis() {
    return failing && System.nanoTime() - redisAgainAtNanos < 0;
  }

  /**
   * Keeps to the local buckets for {@link #RETRY_AFTER_FAILURE}, and says so once: the calls that
   * fail together at the start of an outage, and the retries during it, leave one line a period.
   */
  private void failed(RuntimeException e) {
    synchronized (failures) {
      long now = System.nanoTime();
      boolean tell = !failing || now - loggedFailureAtNanos >= RETRY_AFTER_FAILURE.toNanos();
      redisAgainAtNanos = now + RETRY_AFTER_FAILURE.toNanos();
      failing = true;
      if (tell) {
        loggedFailureAtNanos = now;
        Log.warning("Redis rate limiter: Redis failed (" + e.getClass().getSimpleName() + ": " + e.getMessage()
            + "); limiting in this process for " + RETRY_AFTER_FAILURE.toSeconds() + " s");
      }
    }
  }

  /**
   * Thrown by a send whose calls had queued before Redis was found failing, so they keep to the
   * local buckets too instead of each waiting for Redis again (on a network that drops packets, a
   * connect timeout each).
   */
  private static final class SkippedRedis extends RuntimeException {
    private static final SkippedRedis INSTANCE = new SkippedRedis();

    private SkippedRedis() {
      super("Redis failed moments ago", null, false, false);
    }
  }

  /**
   * Opens the first connection and loads the token-bucket script into Redis's script cache, so the
   * first request neither connects nor meets NOSCRIPT.
   */
  @Override
  public void warmUp() {
    requireOpen();
    redis.get().scriptLoad(SCRIPT);
  }

  private void requireOpen() {
    if (redis.isClosed()) {
      throw new IllegalStateException("this Redis rate limiter is closed");
    }
  }

  /** One call of the script for all the buckets, alone or in a pipeline with others' calls. */
  private List<Decision> run(List<Bucket> buckets) {
    List<String> keys = new ArrayList<>(buckets.size());
    List<String> args = new ArrayList<>(2 + 2 * buckets.size());
    args.add(Long.toString(timeMeter.currentTimeNanos() / 1_000));
    for (Bucket b : buckets) {
      keys.add(redisKey(b.key(), b.limit()));
      args.add(Long.toString(b.limit().capacity()));
      args.add(Long.toString(Math.max(1, b.limit().period().toNanos() / 1_000)));
    }
    args.add(Long.toString(KEEP_AFTER_FULL_MILLIS));
    Object reply = calls.call(new ScriptCall(keys, args));
    if (!(reply instanceof List<?> values) || values.size() != 4 * buckets.size()) {
      throw new IllegalStateException("the token bucket script answered " + reply);
    }
    List<Decision> decisions = new ArrayList<>(buckets.size());
    for (int i = 0; i < buckets.size(); i++) {
      decisions.add(TokenBuckets.decision(buckets.get(i).limit(), number(values.get(4 * i)) == 1,
          number(values.get(4 * i + 1)), number(values.get(4 * i + 2)) * 1_000, number(values.get(4 * i + 3)) * 1_000));
    }
    return decisions;
  }

  /** The keys and arguments of one call of the script. */
  private record ScriptCall(List<String> keys, List<String> args) {}

  /**
   * Sends calls of the script and answers their replies in order: one alone as an EVALSHA, several
   * in one pipeline (one write, one read). Calls that meet a Redis without the script (NOSCRIPT: it
   * was restarted or flushed, and nothing of that call ran) are sent again with EVAL, which also
   * loads it.
   */
  private List<Object> send(List<ScriptCall> batch) {
    if (skippingRedis()) {
      throw SkippedRedis.INSTANCE;
    }
    UnifiedJedis client = redis.get();
    if (batch.size() == 1) {
      ScriptCall call = batch.get(0);
      try {
        return Collections.singletonList(client.evalsha(SCRIPT_SHA1, call.keys(), call.args()));
      } catch (JedisNoScriptException e) {
        return Collections.singletonList(client.eval(SCRIPT, call.keys(), call.args()));
      }
    }
    List<Response<Object>> responses = new ArrayList<>(batch.size());
    try (AbstractPipeline pipeline = client.pipelined()) {
      for (ScriptCall call : batch) {
        responses.add(pipeline.evalsha(SCRIPT_SHA1, call.keys(), call.args()));
      }
      pipeline.sync();
    }
    List<Object> replies = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      Object reply;
      try {
        reply = responses.get(i).get();
      } catch (JedisNoScriptException e) {
        ScriptCall call = batch.get(i);
        reply = client.eval(SCRIPT, call.keys(), call.args());
      }
      replies.add(reply);
    }
    return replies;
  }

  private static long number(Object value) {
    if (value instanceof Long l) {
      return l;
    }
    throw new IllegalStateException("the token bucket script answered a " + value + " where a number belongs");
  }

  /** Whether the last call found Redis failing, so calls are answered by this process's buckets. */
  boolean isFallingBack() {
    return failing;
  }

  /** How many sends to Redis the calls so far made: one per call sent alone or per pipeline. */
  long sends() {
    return calls.batches();
  }

  /** How many calls wait for the send out to come back, to go together in the next. */
  int waitingCalls() {
    return calls.waiting();
  }

  /** The Redis key of the bucket of {@code key} under {@code limit}. */
  String redisKey(String key, Limit limit) {
    return keyPrefix + "rl:" + limit.capacity() + "/" + limit.period() + ":" + key;
  }

  /** Whether the Redis client has been opened (or, when given, first used) yet. */
  boolean isConnected() {
    return redis.isOpened();
  }

  /** Closes the client this limiter opened; a client given to the builder is left open. */
  @Override
  public void close() {
    redis.close();
  }

  private static String script() {
    try (InputStream in = RedisRateLimiter.class.getResourceAsStream("token-buckets.lua")) {
      if (in == null) {
        throw new IllegalStateException("token-buckets.lua is missing from the redis module's jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha1(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-1", e);
    }
  }

  /** Settings of a {@link RedisRateLimiter}: either a URI or a client, and optionally the rest. */
  public static final class Builder {
    private URI uri;
    private String caCertificates;
    private UnifiedJedis client;
    private String keyPrefix = DEFAULT_KEY_PREFIX;
    private int poolSize = RedisConnections.DEFAULT_POOL_SIZE;
    private TimeMeter timeMeter = TimeMeter.SYSTEM_MILLISECONDS;

    private Builder() {}

    /** The Redis to open on first use, such as {@code redis://127.0.0.1:6379/0}; closed by the limiter. */
    public Builder uri(URI uri) {
      this.uri = RedisUris.check(Objects.requireNonNull(uri, "uri"));
      return this;
    }

    /**
     * The CA certificates (PEM text, or a path to a PEM file) a {@code rediss://} server's
     * certificate must chain to, such as Memorystore's instance CA; the JVM's authorities otherwise.
     */
    public Builder caCertificates(String pemOrPath) {
      this.caCertificates = Objects.requireNonNull(pemOrPath, "pemOrPath");
      return this;
    }

    /** A client the caller owns and closes; the limiter never closes it. */
    public Builder client(UnifiedJedis client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * The most connections the client opened from {@link #uri} keeps, 1 to 1024. The limiter sends
     * one batch at a time, so it holds one at once; a client shared with others may need more.
     */
    public Builder poolSize(int poolSize) {
      this.poolSize = RedisConnections.checkPoolSize(poolSize);
      return this;
    }

    /** Put before every key this limiter writes; {@code cc:} by default. */
    public Builder keyPrefix(String keyPrefix) {
      this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
      return this;
    }

    /** The clock the refill is computed with; wall-clock milliseconds by default. */
    public Builder timeMeter(TimeMeter timeMeter) {
      this.timeMeter = Objects.requireNonNull(timeMeter, "timeMeter");
      return this;
    }

    /** Fails unless exactly one of {@link #uri} and {@link #client} was set. */
    public RedisRateLimiter build() {
      return new RedisRateLimiter(this);
    }
  }
}
