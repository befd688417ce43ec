package dev.contentcreator.media;

import dev.contentcreator.media.MediaRejectedException.Reason;
import dev.contentcreator.media.internal.Encoder;
import dev.contentcreator.media.internal.ImageCodecs;
import dev.contentcreator.media.internal.Orientations;
import dev.contentcreator.media.internal.Palette;
import io.trbl.blurhash.BlurHash;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import net.coobird.thumbnailator.Thumbnails;

/**
 * Turns validated image bytes into web-ready renditions: orientation fixed from EXIF, every piece of
 * metadata dropped (the renditions are re-encoded from pixels), thumbnails and a web version that are
 * never larger than the original, a content hash, a dominant colour and a BlurHash.
 *
 * <p>Large images are decoded with source subsampling, straight to about the size of the largest
 * rendition, so memory follows the output size more than the input's. Animated GIF and WebP keep
 * their original bytes as the web version and get still thumbnails of their first frame.
 *
 * <p>Encoding is most of the work (the full-size WebP alone about two thirds), so the renditions are
 * encoded at once on up to {@code encodeThreads} cores: the calling thread encodes the web version
 * while helper threads encode the thumbnails. When every helper is busy (many uploads at once) the
 * calling thread encodes the rest itself, so work never queues behind other requests' work.
 * Thread-safe; build with {@link #builder()}.
 */
public final class ImageProcessor {
  private static final int BLURHASH_SOURCE_SIDE = 32;
  /** libwebp's method by default: see {@link Builder#webpMethod(int)} for how it was chosen. */
  public static final int DEFAULT_WEBP_METHOD = 2;

  private final MediaInspector inspector;
  private final List<Integer> thumbnailSizes;
  private final int webMaxSide;
  private final boolean webp;
  private final boolean blurHash;
  private final Encoder encoder;
  private final ExecutorService helpers;

  private ImageProcessor(Builder b) {
    this.inspector = new MediaInspector(b.limits);
    this.thumbnailSizes = b.thumbnailSizes;
    this.webMaxSide = b.webMaxSide;
    this.webp = b.preferWebp && ImageCodecs.canWriteWebp();
    this.blurHash = b.blurHash;
    this.encoder = new Encoder(webp, (float) b.webpQuality, (float) b.jpegQuality, b.webpMethod);
    this.helpers = b.encodeThreads > 1 ? helperPool(b.encodeThreads - 1) : null;
  }

  public static Builder builder() { return new Builder(); }

  /** Whether renditions are written as WebP (asked for, and libwebp loads here). */
  public boolean writesWebp() { return webp; }

  public MediaInspector inspector() { return inspector; }

  /**
   * Inspects and processes one image.
   *
   * @throws MediaRejectedException 413 too large (bytes or declared pixels), 415 not an accepted
   *     image (video included), 422 truncated or corrupt
   */
  public ProcessedImage process(byte[] bytes) {
    Inspection in = inspector.inspect(bytes);
    if (!in.type().isImage()) {
      throw new MediaRejectedException(Reason.UNSUPPORTED_TYPE,
          "This file is not an image we accept here: it is " + in.type().contentType() + ".");
    }
    String sha256 = sha256(bytes);
    int orientation = Orientations.read(bytes);
    boolean swap = Orientations.swapsSides(orientation);
    int width = swap ? in.height() : in.width();
    int height = swap ? in.width() : in.height();

    int largestNeeded = in.animated() ? thumbnailSizes.get(0) : webMaxSide;
    BufferedImage upright = Orientations.apply(decodeFirstFrame(in, bytes, largestNeeded), orientation);
    boolean alpha = hasTransparency(upright);

    BufferedImage webSource = in.animated() ? upright : fit(upright, webMaxSide, alpha);
    BufferedImage source = webSource;
    List<Future<Rendition>> thumbnailJobs = new ArrayList<>(thumbnailSizes.size());
    for (int size : thumbnailSizes) {
      source = fit(source, size, alpha);
      thumbnailJobs.add(encodeLater("thumb-" + size, source));
    }
    Rendition web = in.animated()
        ? new Rendition("web", in.type().contentType(), width, height, bytes.clone())
        : encoder.encode("web", webSource);
    List<Rendition> thumbnails = thumbnailJobs.stream().map(ImageProcessor::join).toList();
    String dominant = Palette.dominantColor(source);
    Optional<String> hash = blurHash
        ? Optional.of(BlurHash.encode(fit(source, BLURHASH_SOURCE_SIDE, false), 4, 3))
        : Optional.empty();
    return new ProcessedImage(in.type(), width, height, bytes.length, sha256, in.animated(), dominant, hash, web,
        thumbnails);
  }

  /** The rendition encoded by a helper thread, or by this one when none is free (or there are none). */
  private Future<Rendition> encodeLater(String name, BufferedImage image) {
    if (helpers == null) {
      return CompletableFuture.completedFuture(encoder.encode(name, image));
    }
    return helpers.submit(() -> encoder.encode(name, image));
  }

  private static Rendition join(Future<Rendition> rendition) {
    try {
      return rendition.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("could not encode a rendition", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while encoding a rendition", e);
    }
  }

  /**
   * Up to {@code threads} daemon threads that end after a while idle, with no queue: a task that finds
   * every thread busy runs on the thread that submits it.
   */
  private static ExecutorService helperPool(int threads) {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory = r -> {
      Thread t = new Thread(r, "media-encode-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    return new ThreadPoolExecutor(0, threads, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), factory,
        new ThreadPoolExecutor.CallerRunsPolicy());
  }

  /** Lower-case hex SHA-256 of the bytes. */
  public static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  private static BufferedImage decodeFirstFrame(Inspection in, byte[] bytes, int largestNeeded) {
    ImageReader reader = ImageCodecs.reader(in.type());
    List<String> warnings = new ArrayList<>();
    try (ImageInputStream stream = ImageCodecs.stream(bytes)) {
      reader.setInput(stream, true, true);
      // A JPEG cut short decodes with a warning and grey pixels; such a file is refused.
      reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
      ImageReadParam param = reader.getDefaultReadParam();
      int subsampling = Math.max(1, Math.max(in.width(), in.height()) / largestNeeded);
      if (subsampling > 1) {
        param.setSourceSubsampling(subsampling, subsampling, 0, 0);
      }
      BufferedImage image = reader.read(0, param);
      if (image == null) {
        throw new IOException("the reader returned no image");
      }
      if (!warnings.isEmpty()) {
        throw new IOException(String.join("; ", warnings));
      }
      return image;
    } catch (IOException | RuntimeException e) {
      throw new MediaRejectedException(Reason.UNREADABLE, "This " + in.type().name()
          + " file is truncated or corrupt: its pixels cannot be decoded (" + e.getMessage() + ").", e);
    } finally {
      reader.dispose();
    }
  }

  /** The image within {@code maxSide} on its longest side (never enlarged), as INT_RGB or INT_ARGB. */
  private static BufferedImage fit(BufferedImage image, int maxSide, boolean alpha) {
    int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    int longest = Math.max(image.getWidth(), image.getHeight());
    if (longest <= maxSide && image.getType() == type) {
      return image;
    }
    try {
      var builder = Thumbnails.of(image).imageType(type);
      return (longest <= maxSide ? builder.scale(1.0) : builder.size(maxSide, maxSide).keepAspectRatio(true))
          .asBufferedImage();
    } catch (IOException e) {
      throw new UncheckedIOException("could not resize an image", e);
    }
  }

  private static boolean hasTransparency(BufferedImage image) {
    WritableRaster alpha = image.getAlphaRaster();
    if (alpha == null) {
      return false;
    }
    int w = alpha.getWidth();
    int max = (1 << image.getColorModel().getComponentSize(image.getColorModel().getNumComponents() - 1)) - 1;
    int[] row = new int[w];
    for (int y = 0; y < alpha.getHeight(); y++) {
      alpha.getSamples(0, y, w, 1, 0, row);
      for (int a : row) {
        if (a < max) {
          return true;
        }
      }
    }
    return false;
  }

  /** Builds an {@link ImageProcessor}; each setter checks its argument. */
  public static final class Builder {
    private MediaLimits limits = MediaLimits.defaults();
    private List<Integer> thumbnailSizes = List.of(1024, 256);
    private int webMaxSide = 2048;
    private double jpegQuality = 0.82;
    private double webpQuality = 0.80;
    private boolean preferWebp = true;
    private boolean blurHash = true;
    private int webpMethod = DEFAULT_WEBP_METHOD;
    private int encodeThreads = Math.min(Runtime.getRuntime().availableProcessors(), 3);

    private Builder() {}

    public Builder limits(MediaLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** Longest-side sizes of the thumbnails, 16 to 4096 pixels each, no repeats; default 256 and 1024. */
    public Builder thumbnailSizes(int... sizes) {
      Objects.requireNonNull(sizes, "sizes");
      if (sizes.length == 0) {
        throw new IllegalArgumentException("thumbnailSizes needs at least one size");
      }
      for (int s : sizes) {
        if (s < 16 || s > 4096) {
          throw new IllegalArgumentException("each thumbnail size must be 16 to 4096 pixels, got " + s);
        }
      }
      if (Arrays.stream(sizes).distinct().count() != sizes.length) {
        throw new IllegalArgumentException("thumbnail sizes must differ, got " + Arrays.toString(sizes));
      }
      this.thumbnailSizes = Arrays.stream(sizes).boxed().sorted(Comparator.reverseOrder()).toList();
      return this;
    }

    /** The web version's longest side at most, 256 to 16384 pixels; default 2048. */
    public Builder webMaxSide(int pixels) {
      if (pixels < 256 || pixels > 16_384) {
        throw new IllegalArgumentException("webMaxSide must be 256 to 16384 pixels, got " + pixels);
      }
      this.webMaxSide = pixels;
      return this;
    }

    /** JPEG quality when WebP cannot be written, above 0 up to 1; default 0.82. */
    public Builder jpegQuality(double quality) {
      this.jpegQuality = quality("jpegQuality", quality);
      return this;
    }

    /** Lossy WebP quality, above 0 up to 1; default 0.80. */
    public Builder webpQuality(double quality) {
      this.webpQuality = quality("webpQuality", quality);
      return this;
    }

    /** Write WebP when libwebp loads here (default); false always writes JPEG or PNG. */
    public Builder preferWebp(boolean preferWebp) {
      this.preferWebp = preferWebp;
      return this;
    }

    /**
     * libwebp's method, 0 (fastest) to 6 (smallest files); default {@value #DEFAULT_WEBP_METHOD}. On a
     * 2048-pixel photo {@code bench/media.sh} measured the whole processing about 1.9 times as fast with
     * method 2 as with libwebp's default of 4, for 1.5% more bytes (figures in bench/README.md).
     */
    public Builder webpMethod(int method) {
      this.webpMethod = Encoder.checkMethod(method);
      return this;
    }

    /**
     * How many threads may encode one image's renditions at once, 1 to 64, counting the caller;
     * default the number of processors, at most 3 (the web version and two thumbnails). 1 encodes
     * them one after another on the calling thread.
     */
    public Builder encodeThreads(int threads) {
      if (threads < 1 || threads > 64) {
        throw new IllegalArgumentException("encodeThreads must be 1 to 64, got " + threads);
      }
      this.encodeThreads = threads;
      return this;
    }

    /** Compute a BlurHash placeholder (default true). */
    public Builder blurHash(boolean blurHash) {
      this.blurHash = blurHash;
      return this;
    }

    public ImageProcessor build() {
      if (thumbnailSizes.get(0) > webMaxSide) {
        throw new IllegalArgumentException("the largest thumbnail (" + thumbnailSizes.get(0)
            + ") must not exceed webMaxSide (" + webMaxSide + ")");
      }
      return new ImageProcessor(this);
    }

    private static double quality(String name, double q) {
      if (!(q > 0 && q <= 1)) {
        throw new IllegalArgumentException(name + " must be above 0 and at most 1, got " + q);
      }
      return q;
    }
  }
}
