package dev.contentcreator.local;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code hosting} part of {@code firebase.json}, read the way Firebase Hosting reads it: a
 * request for an existing file is served as is; otherwise the first matching rewrite decides,
 * either a function (by id) or another file; headers apply by glob, later rules winning.
 */
final class HostingConfig {
  /** One rewrite: its source glob and either a function id or a destination file. */
  record Rewrite(String source, Pattern pattern, String functionId, String destination) {}

  private record HeaderRule(Pattern pattern, Map<String, String> headers) {}

  /**
   * How many paths' rewrites are remembered: an API path went through two dozen globs before
   * {@code /api/projects/**} matched, 5% of the server's CPU on a project's reads. Past the bound
   * the memory starts again, so paths with ever new ids cannot grow it.
   */
  static final int RECENT_PATHS = 4096;

  private final String publicDir;
  private final List<Rewrite> rewrites;
  private final Map<String, Optional<Rewrite>> recent = new java.util.concurrent.ConcurrentHashMap<>();
  private final List<HeaderRule> headers;

  private HostingConfig(String publicDir, List<Rewrite> rewrites, List<HeaderRule> headers) {
    this.publicDir = publicDir;
    this.rewrites = List.copyOf(rewrites);
    this.headers = List.copyOf(headers);
  }

  static HostingConfig read(Path firebaseJson) throws IOException {
    JsonObject root = JsonParser.parseString(Files.readString(firebaseJson)).getAsJsonObject();
    JsonObject hosting = root.getAsJsonObject("hosting");
    if (hosting == null) {
      throw new IllegalArgumentException(firebaseJson + " has no hosting section");
    }
    List<Rewrite> rewrites = new ArrayList<>();
    for (JsonElement e : array(hosting, "rewrites")) {
      JsonObject r = e.getAsJsonObject();
      String source = r.get("source").getAsString();
      String functionId = null;
      if (r.has("function")) {
        JsonElement f = r.get("function");
        functionId = f.isJsonObject() ? f.getAsJsonObject().get("functionId").getAsString() : f.getAsString();
      }
      String destination = r.has("destination") ? r.get("destination").getAsString() : null;
      if ((functionId == null) == (destination == null)) {
        throw new IllegalArgumentException("rewrite " + source + " needs exactly one of function, destination");
      }
      rewrites.add(new Rewrite(source, Glob.compile(source), functionId, destination));
    }
    List<HeaderRule> headerRules = new ArrayList<>();
    for (JsonElement e : array(hosting, "headers")) {
      JsonObject h = e.getAsJsonObject();
      Map<String, String> values = new LinkedHashMap<>();
      for (JsonElement kv : h.getAsJsonArray("headers")) {
        values.put(kv.getAsJsonObject().get("key").getAsString(), kv.getAsJsonObject().get("value").getAsString());
      }
      headerRules.add(new HeaderRule(Glob.compile(h.get("source").getAsString()), values));
    }
    return new HostingConfig(hosting.get("public").getAsString(), rewrites, headerRules);
  }

  private static JsonArray array(JsonObject o, String name) {
    return o.has(name) ? o.getAsJsonArray(name) : new JsonArray();
  }

  String publicDir() {
    return publicDir;
  }

  List<Rewrite> rewrites() {
    return rewrites;
  }

  Optional<Rewrite> rewriteFor(String path) {
    Optional<Rewrite> known = recent.get(path);
    if (known != null) {
      return known;
    }
    Optional<Rewrite> found = rewrites.stream().filter(r -> r.pattern().matcher(path).matches()).findFirst();
    if (recent.size() >= RECENT_PATHS) {
      recent.clear();
    }
    recent.put(path, found);
    return found;
  }

  /** The custom headers of a path; a later rule overrides an earlier one for the same header. */
  Map<String, String> headersFor(String path) {
    Map<String, String> out = new LinkedHashMap<>();
    for (HeaderRule rule : headers) {
      if (rule.pattern().matcher(path).matches()) {
        out.putAll(rule.headers());
      }
    }
    return out;
  }
}
