package dev.contentcreator.local;

import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assertions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * docs/openapi.yaml as the judge of the API's answers: the operation is found by method and path
 * template, the response by status, and a JSON body is validated against that response's schema
 * in OpenAPI 3.0's dialect ({@code nullable}, {@code $ref}s into the components). {@link Api}
 * sends every answer through {@link #mismatch}, so every black-box test holds the server to its
 * description, as {@code RoutesAgreeTest} does for the routes: a client generated from the
 * description then reads what the server really sends.
 */
final class ApiContract {
  private static final Pattern PARAM = Pattern.compile("\\{[^}/]+}");
  private static final Pattern LEGACY_ACTION = Pattern.compile("^(/api/.*/[^/:]+):([a-z]+)$");

  /** The description the tests hold the server to, read once per test JVM. */
  static final ApiContract OF_REPO = new ApiContract(ServerProcess.REPO.resolve("docs/openapi.yaml"));

  /** One method of one path template. */
  private record Operation(String method, String template, Pattern pattern, int literals, JsonNode node) {}

  private final AbsoluteIri iri;
  private final JsonNode doc;
  private final SchemaRegistry registry;
  private final List<Operation> operations = new ArrayList<>();
  private final Map<SchemaLocation, Schema> schemas = new ConcurrentHashMap<>();
  /** Statuses with which the gateway may refuse any request before its handler runs. */
  private final List<String> gatewayRefusals = new ArrayList<>();

  ApiContract(Path openapi) {
    try {
      doc = YAMLMapper.builder().build().readTree(Files.readString(openapi));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + openapi, e);
    }
    iri = AbsoluteIri.of(openapi.toUri().toString());
    doc.path("x-gateway-refusals").path("statuses").forEach(status -> gatewayRefusals.add(status.asString()));
    String json = JsonMapper.builder().build().writeValueAsString(doc);
    registry = SchemaRegistry.withDialect(Dialects.getOpenApi30(), b -> b.schemas(Map.of(iri.toString(), json)));
    doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
      if (!op.getKey().equals("parameters")) {
        String regex = PARAM.splitAsStream(path.getKey()).map(Pattern::quote)
            .collect(Collectors.joining("[^/]+", "", path.getKey().endsWith("}") ? "[^/]+" : ""));
        operations.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), Pattern.compile(regex),
            PARAM.matcher(path.getKey()).replaceAll("").length(), op.getValue()));
      }
    }));
  }

  /** Fails the test when the description does not allow this answer; else returns it. */
  HttpResponse<String> check(HttpResponse<String> r) {
    check(r.request().method(), r.uri().getRawPath(), r.statusCode(), r.headers().firstValue("Content-Type")
        .orElse(null), r.body());
    return r;
  }

  /** Fails the test when the description does not allow this answer. */
  void check(String method, String rawPath, int status, String contentType, String body) {
    mismatch(method, rawPath, status, contentType, body).ifPresent(Assertions::fail);
  }

  /** Fails the test when {@code json} is not valid against the component schema {@code name}. */
  void checkComponent(String name, String what, String json) {
    problems(what, 200, new SchemaLocation(iri, pointer("components", "schemas", name)), json)
        .ifPresent(Assertions::fail);
  }

  /**
   * What in this answer the description does not allow, or empty: a status it does not list for
   * the operation (nor among the gateway's refusals, {@code x-gateway-refusals}, which any request
   * may get as a problem), a JSON body where it names none, or a body its schema refuses. Bodies
   * that are not JSON (media, event streams) and empty ones are judged by their status alone. A
   * request no operation describes (an unknown path or method) may only be refused, with a problem.
   */
  Optional<String> mismatch(String method, String rawPath, int status, String contentType, String body) {
    String type = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    boolean json = type.equals("application/json") || type.equals("application/problem+json");
    // A trailing slash reaches the route without it where firebase.json rewrites a glob to the
    // function (whose router drops the slash), and nothing (404) where the rewrite is exact.
    boolean slash = rawPath.length() > 1 && rawPath.endsWith("/");
    String unslashed = slash ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
    // The colon form of an action (.../b1:run), still answered for a release, is described by its
    // whole-segment form (.../b1/run).
    String path = LEGACY_ACTION.matcher(unslashed).replaceFirst("$1/$2");
    // The most literal template wins where two match.
    Optional<String> template = operations.stream().filter(o -> o.pattern().matcher(path).matches())
        .max(Comparator.comparingInt(Operation::literals)).map(Operation::template);
    Optional<Operation> op = operations.stream()
        .filter(o -> template.isPresent() && o.template().equals(template.get()) && o.method().equals(method))
        .findFirst();
    String route = method + " " + template.orElse(path);
    String code = Integer.toString(status);
    SchemaLocation problem = new SchemaLocation(iri, pointer("components", "schemas", "Problem"));
    if (op.isEmpty() || slash && status == 404) {
      boolean refusal = status >= 400 && status < 500 || status == 503;
      if (!refusal || !type.equals("application/problem+json")) {
        return Optional.of(route + " answered " + status + " (" + type + ") but docs/openapi.yaml describes no such"
            + " operation");
      }
      return problems(route, status, problem, body);
    }
    NodePath at = pointer("paths", op.get().template(), op.get().method().toLowerCase(Locale.ROOT), "responses");
    JsonNode responses = op.get().node().get("responses");
    if (!responses.has(code) && gatewayRefusals.contains(code) && type.equals("application/problem+json")) {
      return problems(route, status, problem, body);
    }
    if (!responses.has(code)) {
      return Optional.of(route + " answered " + status + ", which docs/openapi.yaml does not list for it (it lists "
          + String.join(", ", responses.propertyNames()) + ")\nbody: " + body);
    }
    at = at.append(code);
    JsonNode response = responses.get(code);
    if (response.has("$ref")) {
      at = pointer(response.get("$ref").asString().substring(2).split("/"));
      response = nodeAt(at);
    }
    JsonNode content = response.get("content");
    if (!json || body.isEmpty()) {
      return Optional.empty();
    }
    if (content == null || !content.has(type)) {
      return Optional.of(route + " answered " + status + " with " + type + ", which docs/openapi.yaml does not describe"
          + " for it");
    }
    return problems(route, status, new SchemaLocation(iri, at.append("content").append(type).append("schema")), body);
  }

  private Optional<String> problems(String route, int status, SchemaLocation schema, String body) {
    List<Error> errors = schemas.computeIfAbsent(schema, registry::getSchema).validate(body, InputFormat.JSON);
    if (errors.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(route + " answered " + status + " with a body that docs/openapi.yaml ("
        + schema.getFragment() + ") does not allow:\n  " + errors.stream().map(Error::toString)
        .collect(Collectors.joining("\n  ")) + "\nbody: " + body);
  }

  private static NodePath pointer(String... names) {
    NodePath at = new NodePath(PathType.JSON_POINTER);
    for (String name : names) {
      at = at.append(name);
    }
    return at;
  }

  private JsonNode nodeAt(NodePath at) {
    JsonNode n = doc;
    for (int i = 0; i < at.getNameCount(); i++) {
      n = n.get(at.getName(i));
    }
    return n;
  }
}
