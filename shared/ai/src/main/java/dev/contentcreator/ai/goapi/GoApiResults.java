package dev.contentcreator.ai.goapi;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.ports.ai.AsyncProvider.TaskStatus;
import dev.contentcreator.core.ports.ai.AsyncProvider.TaskStatus.State;
import dev.contentcreator.core.ports.ai.ItemResult;
import dev.contentcreator.core.ports.ai.ItemResult.Media;
import dev.contentcreator.core.ports.ai.ItemResult.Usage;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a GoAPI task into the port's {@link TaskStatus}: the state, the progress, the media of a
 * completed task and a readable reason for a failed one. Knows the output shapes GoAPI documents:
 * Midjourney ({@code image_urls}, {@code temporary_image_urls}, {@code permanent_url},
 * {@code image_url}, {@code task_progress}), Flux ({@code image_url}, {@code image_urls},
 * {@code image_base64}) and Kling ({@code works[].video}, {@code video_url}, {@code video}).
 */
final class GoApiResults {
  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
      Map.entry("webp", "image/webp"), Map.entry("gif", "image/gif"), Map.entry("mp4", "video/mp4"),
      Map.entry("webm", "video/webm"), Map.entry("mov", "video/quicktime"));

  /** A task whose answer does not make sense (unknown status, completed without media). */
  static final class UnreadableTaskException extends Exception {
    private static final long serialVersionUID = 1L;

    UnreadableTaskException(String message) {
      super(message);
    }
  }

  private GoApiResults() { }

  static TaskStatus toStatus(GoApiTask task) throws UnreadableTaskException {
    JsonObject output = task.output();
    int progress = progress(output);
    return switch (task.status()) {
      case "pending", "staged" -> new TaskStatus(task.taskId(), State.PENDING, progress, null, null);
      case "processing" -> new TaskStatus(task.taskId(), State.PROCESSING, progress, null, null);
      case "completed" -> new TaskStatus(task.taskId(), State.COMPLETED, 100, result(task), null);
      case "failed" -> new TaskStatus(task.taskId(), State.FAILED, progress, null, failureReason(task));
      default -> throw new UnreadableTaskException("GoAPI task " + task.taskId() + " has an unknown status: "
          + GoApiText.clean(task.status(), null));
    };
  }

  /** A reason a person can read: a refused prompt is said to be refused, anything else is quoted. */
  static String failureReason(GoApiTask task) {
    String raw = task.errorMessage();
    JsonObject output = task.output();
    if (raw.isBlank()) {
      raw = String.join("; ", strings(output.get("error_messages")));
    }
    if (raw.isBlank()) {
      raw = GoApiTask.text(output, "message");
    }
    String shown = GoApiText.clean(raw, null);
    if (shown.isEmpty()) {
      return "GoAPI could not finish the task and gave no reason.";
    }
    if (GoApiText.looksLikeModeration(shown)) {
      return "The prompt was refused by the provider's content filter (GoAPI said: " + shown + ").";
    }
    return "GoAPI could not finish the task: " + shown;
  }

  static ItemResult result(GoApiTask task) throws UnreadableTaskException {
    if (task.model().isBlank()) {
      throw new UnreadableTaskException("GoAPI task " + task.taskId() + " is completed but names no model");
    }
    JsonObject input = task.input();
    JsonObject output = task.output();
    Double requested = number(input, "duration");
    List<Media> videos = videos(output, requested);
    if (!videos.isEmpty()) {
      double seconds = 0;
      for (Media m : videos) {
        seconds += requested != null ? requested : m.durationSeconds() != null ? m.durationSeconds() : 0;
      }
      return new ItemResult(GoApiClient.PROVIDER, task.model(), null, videos, new Usage(0, 0, 0, seconds));
    }
    List<Media> images = images(output, input);
    if (images.isEmpty()) {
      throw new UnreadableTaskException("GoAPI task " + task.taskId() + " is completed but its output has no media");
    }
    return new ItemResult(GoApiClient.PROVIDER, task.model(), null, images, new Usage(0, 0, images.size(), 0));
  }

  private static List<Media> videos(JsonObject output, Double requested) {
    List<Media> found = new ArrayList<>();
    JsonElement works = output.get("works");
    if (works != null && works.isJsonArray()) {
      for (JsonElement w : works.getAsJsonArray()) {
        if (!w.isJsonObject()) {
          continue;
        }
        JsonObject video = GoApiTask.object(w.getAsJsonObject(), "video");
        String url = firstText(video, "resource_without_watermark", "resource");
        if (url.isEmpty()) {
          continue;
        }
        Double millis = number(video, "duration");
        Double seconds = millis != null && millis > 0 ? millis / 1000.0 : requested;
        found.add(new Media(contentType(url, ContentKind.VIDEO), null, url, positiveInt(video, "width"),
            positiveInt(video, "height"), seconds));
      }
    }
    if (found.isEmpty()) {
      String url = firstText(output, "video_url", "video");
      if (!url.isEmpty()) {
        found.add(new Media(contentType(url, ContentKind.VIDEO), null, url, null, null, requested));
      }
    }
    return found;
  }

  private static List<Media> images(JsonObject output, JsonObject input) throws UnreadableTaskException {
    Integer width = positiveInt(input, "width");
    Integer height = positiveInt(input, "height");
    Set<String> urls = new LinkedHashSet<>(strings(output.get("image_urls")));
    if (urls.isEmpty()) {
      urls.addAll(strings(output.get("temporary_image_urls")));
    }
    if (urls.isEmpty()) {
      String one = firstText(output, "permanent_url", "image_url");
      if (!one.isEmpty()) {
        urls.add(one);
      }
    }
    List<Media> found = new ArrayList<>();
    for (String url : urls) {
      found.add(new Media(contentType(url, ContentKind.IMAGE), null, url, width, height, null));
    }
    String base64 = GoApiTask.text(output, "image_base64").trim();
    if (found.isEmpty() && !base64.isEmpty()) {
      String type = "image/png";
      if (base64.startsWith("data:")) {
        int comma = base64.indexOf(',');
        int semi = base64.indexOf(';');
        if (comma < 0) {
          throw new UnreadableTaskException("GoAPI gave an image_base64 data URL without data");
        }
        if (semi > 5 && semi < comma) {
          type = base64.substring(5, semi);
        }
        base64 = base64.substring(comma + 1);
      }
      try {
        byte[] bytes = Base64.getMimeDecoder().decode(base64);
        found.add(new Media(type, bytes, null, width, height, null));
      } catch (IllegalArgumentException e) {
        throw new UnreadableTaskException("GoAPI gave an image_base64 that is not base64");
      }
    }
    return found;
  }

  /** The content type the address's extension names, or the usual one for the kind. */
  static String contentType(String url, ContentKind kind) {
    String path;
    try {
      path = URI.create(url).getPath();
    } catch (IllegalArgumentException e) {
      path = url;
    }
    if (path != null) {
      int dot = path.lastIndexOf('.');
      if (dot >= 0 && dot > path.lastIndexOf('/')) {
        String type = TYPES.get(path.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (type != null) {
          return type;
        }
      }
    }
    return kind == ContentKind.VIDEO ? "video/mp4" : "image/png";
  }

  private static int progress(JsonObject output) {
    Double p = number(output, "task_progress");
    if (p == null) {
      return 0;
    }
    return (int) Math.max(0, Math.min(100, Math.round(p)));
  }

  private static String firstText(JsonObject o, String... names) {
    for (String name : names) {
      String v = GoApiTask.text(o, name).trim();
      if (!v.isEmpty()) {
        return v;
      }
    }
    return "";
  }

  private static List<String> strings(JsonElement e) {
    List<String> out = new ArrayList<>();
    if (e != null && e.isJsonArray()) {
      JsonArray a = e.getAsJsonArray();
      for (JsonElement item : a) {
        if (GoApiTask.isString(item) && !item.getAsString().isBlank()) {
          out.add(item.getAsString().trim());
        }
      }
    }
    return out;
  }

  /** A number, or a string holding one (GoAPI echoes some inputs as strings); null otherwise. */
  private static Double number(JsonObject o, String name) {
    JsonElement e = o.get(name);
    if (GoApiTask.isNumber(e)) {
      return e.getAsDouble();
    }
    if (GoApiTask.isString(e)) {
      try {
        double d = Double.parseDouble(e.getAsString().trim());
        return Double.isFinite(d) ? d : null;
      } catch (NumberFormatException ignored) {
        return null;
      }
    }
    return null;
  }

  private static Integer positiveInt(JsonObject o, String name) {
    Double d = number(o, name);
    return d != null && d >= 1 && d <= Integer.MAX_VALUE ? (int) Math.round(d) : null;
  }
}
