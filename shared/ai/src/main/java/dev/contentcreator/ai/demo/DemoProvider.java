package dev.contentcreator.ai.demo;

import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.ports.ai.ItemRequest;
import dev.contentcreator.core.ports.ai.ItemResult;
import dev.contentcreator.core.ports.ai.Progress;
import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.core.ports.ai.SyncProvider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * The built-in offline provider, used when no provider key is set and labelled as the demo in the
 * product. It makes text from the prompt's own words, in the tone the system prompt names, streamed
 * in small chunks, and draws images with Java2D (headless). The same request (kind, model, prompt,
 * system prompt and options, including the item's {@code index}) always gives the same output.
 * For benchmarks and fault tests it can add latency and fail at random with TRANSIENT errors.
 * Thread-safe.
 */
public final class DemoProvider implements SyncProvider {
  public static final String NAME = "demo";
  public static final String TEXT_MODEL = "demo-text";
  public static final String IMAGE_MODEL = "demo-image";

  /** Waits for a duration; tests pass one that records instead. */
  @FunctionalInterface
  public interface Sleeper {
    Sleeper SYSTEM = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

    void sleep(Duration duration) throws InterruptedException;
  }

  private final Duration chunkDelay;
  private final Duration latency;
  private final double transientFailureRate;
  private final Random failures;
  private final Sleeper sleeper;

  private DemoProvider(Builder builder) {
    this.chunkDelay = builder.chunkDelay;
    this.latency = builder.latency;
    this.transientFailureRate = builder.transientFailureRate;
    this.failures = builder.seed == null ? new Random() : new Random(builder.seed);
    this.sleeper = builder.sleeper;
  }

  /** A demo provider with no delays and no injected failures. */
  public static DemoProvider create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean isDemo() {
    return true;
  }

  @Override
  public Set<ContentKind> kinds() {
    return Set.of(ContentKind.TEXT, ContentKind.IMAGE);
  }

  @Override
  public List<String> models(ContentKind kind) {
    return switch (Objects.requireNonNull(kind, "kind")) {
      case TEXT -> List.of(TEXT_MODEL);
      case IMAGE -> List.of(IMAGE_MODEL);
      case VIDEO -> List.of();
    };
  }

  @Override
  public ItemResult generate(ItemRequest request, Progress progress) throws ProviderException {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(progress, "progress");
    if (!models(request.kind()).contains(request.model())) {
      throw new ProviderException(ProviderException.Kind.PERMANENT, NAME,
          "the demo has no model " + request.model() + " for " + request.kind(),
          "The demo provider cannot make " + request.kind().name().toLowerCase() + " with the model "
              + request.model() + ".", 400, null, null);
    }
    pause(latency);
    if (transientFailureRate > 0 && nextFailureDraw() < transientFailureRate) {
      throw new ProviderException(ProviderException.Kind.TRANSIENT, NAME, "injected transient failure",
          "The demo provider failed on purpose for a test.", 503, null, null);
    }
    long seed = seedOf(request);
    return switch (request.kind()) {
      case TEXT -> text(request, seed, progress);
      case IMAGE -> image(request, seed, progress);
      case VIDEO -> throw new IllegalStateException("no video model passes the check above");
    };
  }

  private ItemResult text(ItemRequest request, long seed, Progress progress) throws ProviderException {
    String text = DemoText.write(request.prompt(), request.systemPrompt(), paragraphs(request), new Random(seed));
    List<String> chunks = DemoText.chunks(text);
    for (int i = 0; i < chunks.size(); i++) {
      if (i > 0) {
        pause(chunkDelay);
      }
      progress.textDelta(chunks.get(i));
    }
    long input = DemoText.countWords(request.prompt()) + DemoText.countWords(request.systemPrompt());
    return new ItemResult(NAME, request.model(), text, List.of(),
        new ItemResult.Usage(input, DemoText.countWords(text), 0, 0));
  }

  private ItemResult image(ItemRequest request, long seed, Progress progress) throws ProviderException {
    DemoImage.Size size = DemoImage.sizeOf(request.options());
    byte[] png = DemoImage.paint(request.prompt(), size, new Random(seed));
    progress.percent(100);
    return new ItemResult(NAME, request.model(), null,
        List.of(new ItemResult.Media("image/png", png, null, size.width(), size.height(), null)),
        new ItemResult.Usage(DemoText.countWords(request.prompt()), 0, 1, 0));
  }

  private static int paragraphs(ItemRequest request) throws ProviderException {
    String value = request.option("paragraphs", "3");
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= 1 && n <= 20) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw badOption("paragraphs", value, "a whole number from 1 to 20");
  }

  /** A PERMANENT error for an option the demo cannot use, worded for the person who set it. */
  static ProviderException badOption(String name, String value, String expected) {
    return new ProviderException(ProviderException.Kind.PERMANENT, NAME,
        "option " + name + " is " + value + ", expected " + expected,
        "The option " + name + " must be " + expected + ", not \"" + value + "\".", 400, null, null);
  }

  private double nextFailureDraw() {
    synchronized (failures) {
      return failures.nextDouble();
    }
  }

  private void pause(Duration d) throws ProviderException {
    if (d.isZero()) {
      return;
    }
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException(ProviderException.Kind.TRANSIENT, NAME, "interrupted while generating",
          "The demo provider was interrupted.", 0, null, e);
    }
  }

  /** A seed from everything that shapes the output, and nothing else (not the item id, not the user). */
  static long seedOf(ItemRequest request) {
    StringBuilder key = new StringBuilder()
        .append(request.kind()).append('\n')
        .append(request.model()).append('\n')
        .append(request.prompt()).append('\n')
        .append(request.systemPrompt() == null ? "" : request.systemPrompt()).append('\n');
    for (Map.Entry<String, String> e : new TreeMap<>(request.options()).entrySet()) {
      key.append(e.getKey()).append('=').append(e.getValue()).append('\n');
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
      long seed = 0;
      for (int i = 0; i < 8; i++) {
        seed = (seed << 8) | (digest[i] & 0xff);
      }
      return seed;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Builds a {@link DemoProvider}; each setting is checked as it is given. */
  public static final class Builder {
    private Duration chunkDelay = Duration.ZERO;
    private Duration latency = Duration.ZERO;
    private double transientFailureRate;
    private Long seed;
    private Sleeper sleeper = Sleeper.SYSTEM;

    private Builder() { }

    /** A wait between streamed text chunks, so streaming can be seen; default none. */
    public Builder chunkDelay(Duration delay) {
      this.chunkDelay = requireNotNegative(delay, "chunkDelay");
      return this;
    }

    /** A wait before each generation, as a real provider's latency; default none. */
    public Builder latency(Duration latency) {
      this.latency = requireNotNegative(latency, "latency");
      return this;
    }

    /** The share of calls, from 0 to 1, that fail with a TRANSIENT error; default 0. */
    public Builder transientFailureRate(double rate) {
      if (!(rate >= 0 && rate <= 1)) {
        throw new IllegalArgumentException("transientFailureRate must be from 0 to 1, got " + rate);
      }
      this.transientFailureRate = rate;
      return this;
    }

    /** Seeds the draw of injected failures, so a run can be repeated; output never depends on it. */
    public Builder random(long seed) {
      this.seed = seed;
      return this;
    }

    /** How latency and chunk delays wait; default {@link Sleeper#SYSTEM}. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper must not be null");
      return this;
    }

    public DemoProvider build() {
      return new DemoProvider(this);
    }

    private static Duration requireNotNegative(Duration d, String what) {
      Objects.requireNonNull(d, what + " must not be null");
      if (d.isNegative()) {
        throw new IllegalArgumentException(what + " must not be negative, got " + d);
      }
      return d;
    }
  }
}
