package dev.contentcreator.ai.goapi;

import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.ports.ai.AsyncProvider;
import dev.contentcreator.core.ports.ai.ItemRequest;
import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.core.ports.ai.ProviderException.Kind;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Images and video through GoAPI's task API: Midjourney (imagine, upscale, variation), Flux
 * (txt2img) and Kling (video_generation). {@link #submit} maps an {@link ItemRequest} to a task and
 * answers GoAPI's task id; {@link #poll} maps the task back. A request that cannot be sent as it is
 * (unknown model, bad option) fails with a {@link Kind#PERMANENT} error that says what to change.
 * Thread-safe; it does not retry.
 */
public final class GoApiProvider implements AsyncProvider {
  public static final String NAME = GoApiClient.PROVIDER;
  public static final String MIDJOURNEY = "midjourney";
  public static final String FLUX_SCHNELL = "Qubico/flux1-schnell";
  public static final String FLUX_DEV = "Qubico/flux1-dev";
  public static final String KLING = "kling";
  /** GoAPI's limit for Flux txt2img: width x height at most this many pixels. */
  public static final long FLUX_MAX_PIXELS = 1_048_576L;

  private static final List<String> IMAGE_MODELS = List.of(MIDJOURNEY, FLUX_SCHNELL, FLUX_DEV);
  private static final List<String> VIDEO_MODELS = List.of(KLING);
  private static final Pattern ASPECT_RATIO = Pattern.compile("[1-9][0-9]{0,2}:[1-9][0-9]{0,2}");
  private static final Pattern SIZE = Pattern.compile("([0-9]{1,5})[xX]([0-9]{1,5})");
  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,15}");
  private static final Set<String> KLING_RATIOS = Set.of("16:9", "9:16", "1:1");

  private final GoApiClient client;
  private final String serviceMode;

  /**
   * @param client the HTTP client
   * @param serviceMode {@code public}, {@code private}, or null to use the account's setting
   */
  public GoApiProvider(GoApiClient client, String serviceMode) {
    this.client = Objects.requireNonNull(client, "client");
    if (serviceMode != null && !serviceMode.equals("public") && !serviceMode.equals("private")) {
      throw new IllegalArgumentException("serviceMode must be public or private, got: " + serviceMode);
    }
    this.serviceMode = serviceMode;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<ContentKind> kinds() {
    return Set.of(ContentKind.IMAGE, ContentKind.VIDEO);
  }

  /** The first model of a kind is its default. */
  @Override
  public List<String> models(ContentKind kind) {
    return switch (Objects.requireNonNull(kind, "kind")) {
      case IMAGE -> IMAGE_MODELS;
      case VIDEO -> VIDEO_MODELS;
      case TEXT -> List.of();
    };
  }

  /**
   * Creates the GoAPI task. When {@code webhookUrl} is given, {@code webhookSecret} must be too.
   */
  @Override
  public String submit(ItemRequest request, String webhookUrl, String webhookSecret) throws ProviderException {
    Objects.requireNonNull(request, "request");
    GoApiTaskRequest.Builder task = taskFor(request);
    if (serviceMode != null) {
      task.serviceMode(serviceMode);
    }
    if (webhookUrl != null) {
      task.webhook(URI.create(webhookUrl), webhookSecret);
    }
    return client.createTask(task.build()).taskId();
  }

  @Override
  public TaskStatus poll(String providerTaskId) throws ProviderException {
    GoApiTask task = client.getTask(providerTaskId);
    try {
      return GoApiResults.toStatus(task);
    } catch (GoApiResults.UnreadableTaskException e) {
      throw new ProviderException(Kind.TRANSIENT, NAME, e.getMessage(), "GoAPI gave an answer that could not be read.",
          200, null, e);
    }
  }

  /** The task an item asks for, with its input checked. */
  GoApiTaskRequest.Builder taskFor(ItemRequest request) throws ProviderException {
    String model = request.model();
    ContentKind needed = model.equals(KLING) ? ContentKind.VIDEO
        : IMAGE_MODELS.contains(model) ? ContentKind.IMAGE : null;
    if (needed == null) {
      throw refuse("GoAPI has no model " + clean(model) + " here; use one of " + IMAGE_MODELS + " or " + VIDEO_MODELS
          + ".");
    }
    if (request.kind() != needed) {
      throw refuse("The model " + model + " makes " + describe(needed) + ", not " + describe(request.kind()) + ".");
    }
    GoApiTaskRequest.Builder task = GoApiTaskRequest.builder().model(model);
    switch (model) {
      case MIDJOURNEY -> midjourney(request, task);
      case KLING -> kling(request, task);
      default -> flux(request, task);
    }
    return task;
  }

  private static void midjourney(ItemRequest request, GoApiTaskRequest.Builder task) throws ProviderException {
    String type = request.option("taskType", "imagine").trim().toLowerCase(Locale.ROOT);
    switch (type) {
      case "imagine" -> {
        task.taskType("imagine").input("prompt", prompt(request));
        aspectRatio(request, task);
        String mode = request.options().get("processMode");
        if (mode != null) {
          String m = mode.trim().toLowerCase(Locale.ROOT);
          if (!Set.of("relax", "fast", "turbo").contains(m)) {
            throw refuse("The option processMode must be relax, fast or turbo, not " + clean(mode) + ".");
          }
          task.input("process_mode", m);
        }
      }
      case "upscale", "variation" -> {
        String origin = request.options().getOrDefault("originTaskId", "").trim();
        if (origin.isEmpty()) {
          throw refuse("A Midjourney " + type + " needs the option originTaskId (the imagine task to start from).");
        }
        String index = request.options().getOrDefault("index", "").trim();
        if (!Set.of("1", "2", "3", "4").contains(index)) {
          throw refuse("A Midjourney " + type + " needs the option index, 1 to 4 (which image of the grid), not "
              + (index.isEmpty() ? "nothing" : clean(index)) + ".");
        }
        task.taskType(type).input("origin_task_id", origin).input("index", index);
        if (type.equals("variation")) {
          task.input("prompt", prompt(request));
          aspectRatio(request, task);
        }
      }
      default -> throw refuse("The Midjourney task type must be imagine, upscale or variation, not " + clean(type)
          + ".");
    }
  }

  private static void flux(ItemRequest request, GoApiTaskRequest.Builder task) throws ProviderException {
    onlyTaskType(request, "txt2img");
    int width = 1024;
    int height = 1024;
    String size = request.options().get("size");
    if (size != null) {
      var m = SIZE.matcher(size.trim());
      if (!m.matches()) {
        throw refuse("The option size must look like 1024x768, not " + clean(size) + ".");
      }
      width = Integer.parseInt(m.group(1));
      height = Integer.parseInt(m.group(2));
    }
    width = wholeNumber(request, "width", width);
    height = wholeNumber(request, "height", height);
    if (width < 1 || height < 1) {
      throw refuse("The image width and height must be at least 1 pixel.");
    }
    if ((long) width * height > FLUX_MAX_PIXELS) {
      throw refuse("Flux makes images of at most " + FLUX_MAX_PIXELS + " pixels (such as 1024x1024); " + width + "x"
          + height + " is " + ((long) width * height) + ".");
    }
    task.taskType("txt2img").input("prompt", prompt(request)).input("width", width).input("height", height);
    String negative = request.options().get("negativePrompt");
    if (negative != null && !negative.isBlank()) {
      task.input("negative_prompt", negative);
    }
    String guidance = request.options().get("guidanceScale");
    if (guidance != null) {
      double g;
      try {
        g = Double.parseDouble(guidance.trim());
      } catch (NumberFormatException e) {
        g = Double.NaN;
      }
      if (!(g >= 1.5 && g <= 5)) {
        throw refuse("The option guidanceScale must be a number from 1.5 to 5, not " + clean(guidance) + ".");
      }
      task.input("guidance_scale", g);
    }
  }

  private static void kling(ItemRequest request, GoApiTaskRequest.Builder task) throws ProviderException {
    onlyTaskType(request, "video_generation");
    int duration = wholeNumber(request, "duration", 5);
    if (duration != 5 && duration != 10) {
      throw refuse("Kling makes videos of 5 or 10 seconds, not " + duration + ".");
    }
    String mode = request.option("mode", "std").trim().toLowerCase(Locale.ROOT);
    if (!mode.equals("std") && !mode.equals("pro")) {
      throw refuse("The option mode must be std or pro, not " + clean(mode) + ".");
    }
    String ratio = request.option("aspectRatio", "16:9").trim();
    if (!KLING_RATIOS.contains(ratio)) {
      throw refuse("Kling's aspect ratio must be 16:9, 9:16 or 1:1, not " + clean(ratio) + ".");
    }
    task.taskType("video_generation").input("prompt", prompt(request)).input("duration", duration)
        .input("mode", mode).input("aspect_ratio", ratio);
    String version = request.options().get("version");
    if (version != null) {
      if (!VERSION.matcher(version.trim()).matches()) {
        throw refuse("The option version must look like 1.6 or 2.1, not " + clean(version) + ".");
      }
      task.input("version", version.trim());
    }
    String negative = request.options().get("negativePrompt");
    if (negative != null && !negative.isBlank()) {
      task.input("negative_prompt", negative);
    }
  }

  private static void onlyTaskType(ItemRequest request, String only) throws ProviderException {
    String type = request.option("taskType", only).trim();
    if (!type.equals(only)) {
      throw refuse("The model " + request.model() + " only does " + only + ", not " + clean(type) + ".");
    }
  }

  private static void aspectRatio(ItemRequest request, GoApiTaskRequest.Builder task) throws ProviderException {
    String ratio = request.options().get("aspectRatio");
    if (ratio != null) {
      if (!ASPECT_RATIO.matcher(ratio.trim()).matches()) {
        throw refuse("The option aspectRatio must look like 16:9, not " + clean(ratio) + ".");
      }
      task.input("aspect_ratio", ratio.trim());
    }
  }

  private static String prompt(ItemRequest request) throws ProviderException {
    String prompt = request.prompt().trim();
    if (prompt.isEmpty()) {
      throw refuse("The prompt is empty.");
    }
    return prompt;
  }

  private static int wholeNumber(ItemRequest request, String option, int defaultValue) throws ProviderException {
    String value = request.options().get(option);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw refuse("The option " + option + " must be a whole number, not " + clean(value) + ".");
    }
  }

  private static String describe(ContentKind kind) {
    return switch (kind) {
      case IMAGE -> "images";
      case VIDEO -> "video";
      case TEXT -> "text";
    };
  }

  private static String clean(String s) {
    return GoApiText.clean(s, null);
  }

  private static ProviderException refuse(String userMessage) {
    return new ProviderException(Kind.PERMANENT, NAME, "request not sent to GoAPI: " + userMessage, userMessage, 0,
        null, null);
  }

  @Override
  public String toString() {
    return "GoApiProvider{" + client + ", serviceMode=" + serviceMode + "}";
  }
}
