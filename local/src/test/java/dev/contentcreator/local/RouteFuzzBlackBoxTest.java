package dev.contentcreator.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.local.Emulator.Person;
import dev.contentcreator.local.OpenApiRoutes.Field;
import dev.contentcreator.local.OpenApiRoutes.Route;
import dev.contentcreator.local.RawHttp.Header;
import dev.contentcreator.local.RawHttp.Reply;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every public route of docs/openapi.yaml, sent malformed, oversized and hostile tokens, path
 * parameters, query parameters, headers and bodies, against real resources of the owner and of a
 * stranger. Nothing may answer a 5xx (but a 503 with Retry-After), every refusal is
 * problem+json whose status is the HTTP status, no bad token and no stranger gets through, the
 * server is healthy afterwards, and the owner's project, content, template, batch and job read
 * back unchanged. Deterministic from {@code FUZZ_SEED}; {@code FUZZ_ROUNDS} adds rounds of random
 * combinations. The summary goes to {@code target/fuzz-summary.txt} (bench/fuzz.sh prints it).
 */
class RouteFuzzBlackBoxTest {
  private static final long SEED = Long.parseLong(env("FUZZ_SEED", "11"));
  private static final int ROUNDS = Integer.parseInt(env("FUZZ_ROUNDS", "1"));
  private static final int MAX_BODY = 64 * 1024;
  private static final int MAX_UPLOAD = 256 * 1024;
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  @TempDir static Path data;
  static ServerProcess server;
  static Api api;
  static InetSocketAddress address;
  static List<Route> routes;
  static Person owner;
  static Person stranger;
  /** The owner's project that only reads, refused writes and strangers reach: it must not change. */
  static Tenant keep;
  /** The owner's project that takes the hostile bodies; what it accepts is the owner's to keep. */
  static Tenant scratch;
  /** The stranger's own project, whose ids the owner sends as someone else's. */
  static Tenant foreign;
  static String anotherProjectToken;

  /** A project and one of each resource in it, made through the API. */
  record Tenant(Person person, String project, String content, String job, String template, String batch,
      String upload, String invitation, String comment, String notification, String share, String shareToken,
      String hook, String delivery, String apiKey, String run, String knowledgeDoc, String export, String kit,
      String connection, String publication) {
    String value(String param) {
      return switch (param) {
        case "projectId" -> project;
        case "contentId" -> content;
        case "jobId" -> job;
        case "templateId" -> template;
        case "batchId" -> batch;
        case "uploadId" -> upload;
        case "invitationId" -> invitation;
        case "commentId" -> comment;
        case "notificationId" -> notification;
        case "shareId" -> share;
        case "token" -> shareToken;
        case "hookId" -> hook;
        case "deliveryId" -> delivery;
        case "keyId" -> apiKey;
        case "runId" -> run;
        case "docId" -> knowledgeDoc;
        case "exportId" -> export;
        case "kitId" -> kit;
        case "connectionId" -> connection;
        case "publicationId" -> publication;
        case "uid" -> person.uid();
        case "provider" -> "goapi";
        case "version" -> "1"; // a template's first version, which every template has
        // A calendar entry is named by its source's kind and the id of the thing: the batch.
        case "kind" -> "batch";
        case "refId" -> batch;
        default -> throw new AssertionError("the fuzz has no resource for the path parameter {" + param
            + "}: make one in Tenant.make and name it in Tenant.value");
      };
    }

    static Tenant make(Person who, String name) throws Exception {
      String project = api.post("/api/projects", who.idToken(), "{\"name\":\"" + name + "\"}").expect(201).object()
          .get("id").getAsString();
      JsonObject job = api.send("POST", "/api/projects/" + project + "/generations", who.idToken(),
          "{\"kind\":\"text\",\"prompt\":\"A line about tea\"}", Map.of("Idempotency-Key", UUID.randomUUID().toString()))
          .expect(202).object();
      String jobId = job.get("id").getAsString();
      String content = null;
      for (int i = 0; i < 300 && content == null; i++) {
        JsonObject j = api.get("/api/projects/" + project + "/generations/" + jobId, who.idToken()).expect(200).object();
        JsonObject item = j.getAsJsonArray("items").get(0).getAsJsonObject();
        if (item.has("contentId") && j.get("status").getAsString().equals("completed")) {
          content = item.get("contentId").getAsString();
        } else {
          Thread.sleep(100);
        }
      }
      assertTrue(content != null, "the demo generation of the fixture did not complete");
      String template = api.post("/api/templates", who.idToken(), "{\"projectId\":\"" + project + "\",\"name\":\"Line\","
          + "\"kind\":\"text\",\"body\":\"One line about {{product}}\",\"variables\":["
          + "{\"name\":\"product\",\"type\":\"string\",\"required\":true}]}").expect(201).object().get("id").getAsString();
      String batch = api.post("/api/projects/" + project + "/batches", who.idToken(), "{\"name\":\"Weekly\",\"templateId\":\""
          + template + "\",\"schedule\":\"0 9 * * 1\",\"timeZone\":\"UTC\",\"rows\":[{\"product\":\"tea\"}]}")
          .expect(201).object().get("id").getAsString();
      String run = api.post("/api/projects/" + project + "/batches/" + batch + "/run", who.idToken(), null)
          .expect(201).object().get("id").getAsString();
      String statusUrl = api.post("/api/projects/" + project + "/media", who.idToken(),
          "{\"byteSize\":100,\"contentType\":\"image/png\",\"title\":\"Later\"}").expect(201).object()
          .get("statusUrl").getAsString();
      String upload = statusUrl.substring(statusUrl.lastIndexOf('/') + 1);
      String invitation = api.post("/api/projects/" + project + "/members", who.idToken(), "{\"email\":\"invitee-"
          + UUID.randomUUID() + "@example.com\",\"role\":\"viewer\"}").expect(202).object().get("id").getAsString();
      String comment = api.post("/api/projects/" + project + "/contents/" + content + "/comments", who.idToken(),
          "{\"body\":\"A first thought\"}").expect(201).object().get("id").getAsString();
      JsonObject share = api.post("/api/projects/" + project + "/shares", who.idToken(), "{\"contentIds\":[\""
          + content + "\"],\"permission\":\"approve\",\"label\":\"Fuzz\"}").expect(201).object();
      // A webhook to a closed port on this machine (plain http to loopback is allowed on this server),
      // and the delivery of its test message, which fails and stays in the log.
      String hook = api.post("/api/projects/" + project + "/hooks", who.idToken(), "{\"url\":\"http://127.0.0.1:9/fuzz\","
          + "\"events\":[\"job.completed\"]}").expect(201).object().getAsJsonObject("hook").get("id").getAsString();
      String delivery = api.post("/api/projects/" + project + "/hooks/" + hook + "/test", who.idToken(), null)
          .expect(202).object().get("id").getAsString();
      String apiKey = api.post("/api/me/keys", who.idToken(), "{\"name\":\"Fuzz\",\"role\":\"viewer\",\"projectId\":\""
          + project + "\"}").expect(201).object().get("id").getAsString();
      String knowledgeDoc = api.sendBytes("POST", "/api/projects/" + project + "/knowledge?name=guide.md", who.idToken(),
          "# Tone\nCalm and kind.".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/markdown").expect(201)
          .object().get("id").getAsString();
      String export = api.post("/api/projects/" + project + "/exports", who.idToken(), "{\"what\":\"media\"}")
          .expect(202).object().get("id").getAsString();
      String kit = api.post("/api/projects/" + project + "/brandkits", who.idToken(), "{\"name\":\"Fuzz\"}")
          .expect(201).object().get("id").getAsString();
      // A publishing connection to a webhook receiver on a closed port, and a publication through it
      // an hour from now, which stays scheduled while the fuzz runs.
      String connection = api.post("/api/projects/" + project + "/connections", who.idToken(), "{\"channel\":\"webhook\","
          + "\"name\":\"Fuzz\",\"siteUrl\":\"http://127.0.0.1:9/fuzz\"}").expect(201).object()
          .getAsJsonObject("connection").get("id").getAsString();
      String publication = api.post("/api/projects/" + project + "/contents/" + content + "/publications", who.idToken(),
          "{\"connectionId\":\"" + connection + "\",\"publishAt\":\"" + java.time.Instant.now().plusSeconds(3600) + "\"}")
          .expect(201).object().get("id").getAsString();
      return new Tenant(who, project, content, jobId, template, batch, upload, invitation, comment, null,
          share.get("id").getAsString(), share.get("token").getAsString(), hook, delivery, apiKey, run, knowledgeDoc,
          export, kit, connection, publication);
    }

    /** This tenant with one of its person's notifications. */
    Tenant withNotification(String id) {
      return new Tenant(person, project, content, job, template, batch, upload, invitation, comment, id, share,
          shareToken, hook, delivery, apiKey, run, knowledgeDoc, export, kit, connection, publication);
    }
  }

  @BeforeAll
  static void start() throws Exception {
    Emulator.ensureRunning();
    // Live streams end after a second: a fuzzed GET of one would otherwise be read for its 50 s.
    server = ServerProcess.start(data, OnEmulators.with(Map.of(), "RATE_LIMIT_PER_USER", "off", "RATE_LIMIT_PER_IP", "off",
        "SHARE_RATE_LIMIT_PER_IP", "off", "SHARE_UNLOCK_LIMIT_PER_IP", "off", "DEMO_CHUNK_DELAY", "0ms",
        "DEMO_LATENCY", "0ms", "MAX_BODY_BYTES", Integer.toString(MAX_BODY),
        "MEDIA_MAX_UPLOAD_BYTES", Integer.toString(MAX_UPLOAD), "GOAPI_WEBHOOK_SECRET", "fuzz-webhook-secret",
        "HOOKS_ALLOW_HTTP_LOOPBACK", "true", "PUBLISH_ALLOW_HTTP_LOOPBACK", "true", "STREAM_MAX_DURATION", "1s"));
    api = new Api(server.base());
    address = new InetSocketAddress("127.0.0.1", server.base().getPort());
    routes = OpenApiRoutes.read(ServerProcess.REPO.resolve("docs/openapi.yaml"));
    owner = Emulator.signUp("owner");
    stranger = Emulator.signUp("stranger");
    // Verified addresses, so that an invitation also reaches each one's inbox: a notification of their own.
    owner = Emulator.verify(owner);
    stranger = Emulator.verify(stranger);
    api.get("/api/me", owner.idToken()).expect(200);
    api.get("/api/me", stranger.idToken()).expect(200);
    keep = Tenant.make(owner, "Keep");
    scratch = Tenant.make(owner, "Scratch");
    foreign = Tenant.make(stranger, "Foreign");
    api.post("/api/projects/" + foreign.project() + "/members", stranger.idToken(),
        "{\"email\":\"" + owner.email() + "\",\"role\":\"viewer\"}").expect(202);
    api.post("/api/projects/" + scratch.project() + "/members", owner.idToken(),
        "{\"email\":\"" + stranger.email() + "\",\"role\":\"viewer\"}").expect(202);
    String ownersNote = firstNotification(owner);
    keep = keep.withNotification(ownersNote);
    scratch = scratch.withNotification(ownersNote);
    foreign = foreign.withNotification(firstNotification(stranger));
    anotherProjectToken = Tokens.forAnotherProject();
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  // ---------------------------------------------------------------- the requests

  /** Who sends a request and what must come of it. */
  enum Who {
    /** The owner, on their own resources. */
    OWNER,
    /** A token that must be refused: 2xx is a finding. */
    BAD_TOKEN,
    /** An unsigned token of a made-up person, which the Auth emulator cannot tell from its own. */
    FORGED,
    /** The stranger on the owner's resources: 2xx or 403 (which says it exists) is a finding. */
    STRANGER,
    /** Nobody: a public route. */
    ANONYMOUS
  }

  record Req(Route route, String kind, Who who, String method, String target, List<Header> headers, byte[] body,
      boolean mustRefuse) {
    String describe() {
      StringBuilder s = new StringBuilder(method).append(' ').append(abbreviate(target, 160));
      for (Header h : headers) {
        String v = new String(h.value(), StandardCharsets.UTF_8);
        if (h.name().equals("Authorization")) {
          v = who == Who.OWNER ? "Bearer <owner>" : who == Who.STRANGER ? "Bearer <stranger>" : abbreviate(v, 40);
        }
        s.append(" [").append(h.name()).append(": ").append(abbreviate(v, 60)).append(']');
      }
      if (body != null && body.length > 0) {
        s.append(" body(").append(body.length).append(" bytes): ")
            .append(abbreviate(new String(body, StandardCharsets.UTF_8), 160));
      }
      return s.toString();
    }
  }

  static String abbreviate(String s, int max) {
    String printable = s.replace("\u0000", "\\0").replace("\r", "\\r").replace("\n", "\\n");
    return printable.length() <= max ? printable : printable.substring(0, max) + "...(" + s.length() + " chars)";
  }

  static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v.trim();
  }

  static String pathFor(Route route, Map<String, String> values) {
    String path = route.template();
    for (String p : route.pathParams()) {
      path = path.replace("{" + p + "}", values.get(p));
    }
    return path;
  }

  static String firstNotification(Person who) throws Exception {
    var items = api.get("/api/me/notifications", who.idToken()).expect(200).object().getAsJsonArray("items");
    assertTrue(items.size() > 0, "the invitation put a notification in the inbox of " + who.email());
    return items.get(0).getAsJsonObject().get("id").getAsString();
  }

  static Map<String, String> idsOf(Route route, Tenant t) {
    Map<String, String> v = new LinkedHashMap<>();
    route.pathParams().forEach(p -> v.put(p, enc(t.value(p))));
    return v;
  }

  static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static Header auth(String token) {
    return Header.of("Authorization", "Bearer " + token);
  }

  static Header json() {
    return Header.of("Content-Type", "application/json");
  }

  /** A body the route would take, with its required fields filled from {@code t}'s resources. */
  static JsonObject validBase(Route route, Tenant t) {
    JsonObject o = new JsonObject();
    for (Field f : route.fields()) {
      if (f.required()) {
        o.add(f.name(), sensible(f, t));
      }
    }
    return o;
  }

  static JsonElement sensible(Field f, Tenant t) {
    switch (f.name()) {
      case "projectId": return new com.google.gson.JsonPrimitive(t.project());
      case "templateId": return new com.google.gson.JsonPrimitive(t.template());
      case "contentId": return new com.google.gson.JsonPrimitive(t.content());
      case "connectionId": return new com.google.gson.JsonPrimitive(t.connection());
      case "schedule": return new com.google.gson.JsonPrimitive("0 9 * * 1");
      case "role": return new com.google.gson.JsonPrimitive("viewer");
      case "body": return new com.google.gson.JsonPrimitive("A line about {{product}}");
      default: break;
    }
    if (f.schema().get("enum") instanceof List<?> values) {
      return new com.google.gson.JsonPrimitive(values.get(0).toString());
    }
    return switch (f.type()) {
      case "integer", "number" -> new com.google.gson.JsonPrimitive(
          f.schema().get("minimum") instanceof Number n ? n : 1);
      case "boolean" -> new com.google.gson.JsonPrimitive(false);
      case "array" -> new com.google.gson.JsonArray();
      case "object" -> new JsonObject();
      default -> new com.google.gson.JsonPrimitive("fuzz");
    };
  }

  /** Values of the wrong type for a field of this schema, as JSON text. */
  static List<String> wrongTypes(Field f) {
    List<String> out = new ArrayList<>(switch (f.type()) {
      case "string" -> List.of("1", "true", "[]", "{}", "[\"a\"]", "{\"a\":\"b\"}", "1e400");
      case "integer" -> List.of("\"1\"", "1.5", "1e99", "-1", "9223372036854775808", "true", "[]", "{}",
          "2147483648");
      case "number" -> List.of("\"1\"", "1e999", "true", "[]");
      case "boolean" -> List.of("\"true\"", "1", "[]", "{}", "\"\"");
      case "object" -> List.of("\"x\"", "[]", "1", "true", "{\"a\":{\"b\":[1]}}", "{\"a\":1}");
      case "array" -> List.of("\"x\"", "{}", "[1]", "[[]]", "[null]", "[{\"a\":[]}]", "[\"\\u0000\"]");
      default -> List.of("1", "\"x\"");
    });
    if (f.schema().get("enum") != null) {
      out.addAll(List.of("\"zzz\"", "\"TEXT\"", "\"\"", "\" text\""));
    }
    // Past a 32-bit int is wrong only where the description bounds the field below it (amounts in
    // millionths of a dollar go up to a million dollars).
    if (f.type().equals("integer") && f.schema().get("maximum") instanceof Number max
        && max.doubleValue() >= 2147483648d) {
      out.remove("2147483648");
    }
    return out;
  }

  /** Strings no field should keep: too long, with control characters, with broken text. */
  static List<String> hostileStrings(Field f) {
    Integer max = f.maxLength();
    int over = max == null ? 200_001 : max + 1;
    return List.of(
        quote("x".repeat(over)),
        quote("\u00e9".repeat(Math.min(over, 70_000))),
        quote("a") .replace("a", "a\\u0000b"),
        quote("a").replace("a", "a\\u0007b\\u001b[31m"),
        quote("a").replace("a", "line\\r\\nX-Injected: 1"),
        quote("a").replace("a", "\\ud800"),
        quote("a").replace("a", "\\udfff\\ud800"));
  }

  /** Strings that are odd but may be fine: each must get an answer, whatever it is. */
  static List<String> oddStrings(Field f) {
    Integer max = f.maxLength();
    List<String> out = new ArrayList<>(List.of(
        quote("\u202egnp.exe"), quote("a\u200bb\ufeff"), quote("<script>alert(1)</script>"),
        quote("'; DROP TABLE projects; --"), quote("{{__proto__}} {{constructor}}"), quote(" \t "),
        quote("\uffff\ufffe"), quote("https://169.254.169.254/latest/meta-data/"), quote("file:///etc/passwd"),
        quote("javascript:alert(1)"), quote("http://localhost:1/"), quote("../../../etc/passwd")));
    if (max != null && max > 0 && max <= 100_000) {
      out.add(quote("\uD83D\uDE00".repeat(max)));
      out.add(quote("y".repeat(max)));
    }
    return out;
  }

  static String quote(String s) {
    return new com.google.gson.JsonPrimitive(s).toString();
  }

  static String withField(JsonObject base, String field, String jsonValue) {
    JsonObject o = base.deepCopy();
    o.remove(field);
    String rest = o.toString();
    String member = quote(field) + ":" + jsonValue;
    return rest.equals("{}") ? "{" + member + "}" : "{" + member + "," + rest.substring(1);
  }

  /** Bodies that are not a JSON object a route can read, whatever its fields. */
  static List<byte[]> malformedBodies() {
    List<byte[]> out = new ArrayList<>();
    for (String s : List.of("null", "[]", "\"s\"", "0", "{", "{\"a\"", "{}{}", "{} x", "{\"a\":1,}", "{'a':1}",
        "{\"a\":NaN}", "{\"a\":1e999999}", "{\"a\":01}", "{\"a\":\"\\x41\"}", "{\"a\":\"\\u12\"}", "\u0000{}",
        "{\"name\":\"a\",\"name\":\"b\"}", "{\"__proto__\":{\"admin\":true}}", " ", "\r\n")) {
      out.add(s.getBytes(StandardCharsets.UTF_8));
    }
    out.add(("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8));
    out.add(("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)).getBytes(StandardCharsets.UTF_8));
    out.add(("{\"a\":" + "[".repeat(10_000)).getBytes(StandardCharsets.UTF_8));
    StringBuilder big = new StringBuilder("{\"a\":[");
    for (int i = 0; i < 20_000; i++) {
      big.append(i == 0 ? "0" : ",0");
    }
    out.add(big.append("]}").toString().getBytes(StandardCharsets.UTF_8));
    StringBuilder keys = new StringBuilder("{");
    for (int i = 0; i < 5_000; i++) {
      keys.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
    }
    out.add(keys.append('}').toString().getBytes(StandardCharsets.UTF_8));
    byte[] latin = "{\"name\":\"Cr\u00e8me\"}".getBytes(StandardCharsets.ISO_8859_1);
    out.add(latin);
    out.add("{}".getBytes(StandardCharsets.UTF_16));
    out.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'});
    return out;
  }

  static byte[] oversized(int limit) {
    return ("{\"name\":\"" + "z".repeat(limit + 10) + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  static final List<String> HOSTILE_PATH_VALUES = List.of(
      "a".repeat(5000), "..%2F..%2Fetc%2Fpasswd", "..", ".", "%2e%2e", "%2E%2E%2F", "%C3%BC%F0%9F%98%80", "%00",
      "a%00b", "%C3%28", "%FF%FE", "%0d%0aX-Injected:%201", "'%20OR%201%3D1--", "__name__", "__.*__", "%2F",
      "%252F", "*", "-1", "0", "null", "%7B%7Bx%7D%7D", "%5B%5D", "a;b", "a:b");

  static final List<String> HOSTILE_QUERIES = List.of(
      "limit=-1", "limit=0", "limit=101", "limit=1e99", "limit=abc", "limit=", "limit", "limit=1&limit=abc",
      "limit=99999999999999999999", "limit=%00", "limit=1.5", "limit=+5", "limit=%205",
      "cursor=zzz", "cursor=", "cursor=%00", "cursor=" + "A".repeat(5000), "cursor=e30", "cursor=eyJ2IjoxfQ",
      "cursor=eyJ2IjoxLCJrIjpbMSwyXX0", "cursor=W10", "cursor=bnVsbA", "cursor=%FF%FE", "cursor=..%2F..%2F",
      "cursor=1&cursor=2", "kind=zzz", "kind=", "kind=TEXT", "projectId=%00", "projectId=" + "p".repeat(5000),
      "projectId=..", "version=-1", "version=abc", "version=99999999999", "version=0", "rendition=..%2F..%2Fx",
      "rendition=zzz", "title=%00", "title=" + "t".repeat(5000), "a=b&a=c&&=&%3D=%3D");

  static List<Req> catalogue(Random random) throws Exception {
    List<Req> out = new ArrayList<>();
    for (Route route : routes) {
      Map<String, String> keepIds = idsOf(route, keep);
      String keepPath = pathFor(route, keepIds);
      Header ownerAuth = auth(owner.idToken());
      boolean writes = !route.method().equals("GET");
      byte[] emptyObject = route.takesJson() ? "{}".getBytes(StandardCharsets.UTF_8) : null;
      List<Header> bodyHeaders = route.takesJson() ? List.of(json()) : List.of();

      // Tokens that must not pass.
      if (!route.isPublic()) {
        String[] bad = {null, "Bearer", "Basic b3duZXI6cGFzc3dvcmQ=", "Bearer abc.def.ghi", "Bearer " + "x".repeat(9000),
            "Bearer " + unsigned(owner.uid(), -3600), "Bearer " + anotherProjectToken, "Bearer owner",
            "Bearer " + owner.idToken() + "x", "bearer  " + unsigned("", 3600), "Bearer \u00e9\u00e8",
            "Bearer cck_", "Bearer cck_" + "A".repeat(20) + "_" + "A".repeat(43), "Bearer cck_" + keep.apiKey()};
        for (String a : bad) {
          List<Header> hs = new ArrayList<>(bodyHeaders);
          if (a != null) {
            hs.add(Header.of("Authorization", a));
          }
          out.add(new Req(route, "token", Who.BAD_TOKEN, route.method(), keepPath, hs, emptyObject, true));
        }
        List<Header> forged = new ArrayList<>(bodyHeaders);
        forged.add(auth(unsigned("forged-" + random.nextInt(1_000_000), 3600)));
        out.add(new Req(route, "token-alg-none", Who.FORGED, route.method(), keepPath, forged, emptyObject, true));
        List<Header> two = new ArrayList<>(bodyHeaders);
        two.add(Header.of("Authorization", "Bearer garbage"));
        two.add(ownerAuth);
        out.add(new Req(route, "token-twice", Who.BAD_TOKEN, route.method(), keepPath, two, emptyObject, false));

        // The stranger on the owner's real resources: as if they did not exist.
        if (!route.pathParams().isEmpty() && !route.pathParams().equals(List.of("provider"))) {
          List<Header> hs = new ArrayList<>(bodyHeaders);
          hs.add(auth(stranger.idToken()));
          byte[] body = route.takesJson() ? validBase(route, foreign).toString().getBytes(StandardCharsets.UTF_8) : null;
          out.add(new Req(route, "stranger", Who.STRANGER, route.method(), keepPath, hs, body, true));
          out.add(new Req(route, "stranger-empty", Who.STRANGER, route.method(), keepPath, hs, emptyObject, true));
        } else if (route.queryParams().contains("projectId") || route.fields().stream().anyMatch(f -> f.name().equals("projectId"))) {
          // The owner's project named in the query or the body instead of the path.
          List<Header> hs = new ArrayList<>(bodyHeaders);
          hs.add(auth(stranger.idToken()));
          JsonObject named = validBase(route, keep);
          if (route.fields().stream().anyMatch(f -> f.name().equals("projectId"))) {
            named.addProperty("projectId", keep.project()); // named even where it may be left out (a key for all projects)
          }
          byte[] body = route.takesJson() ? named.toString().getBytes(StandardCharsets.UTF_8) : null;
          out.add(new Req(route, "stranger", Who.STRANGER, route.method(), keepPath + "?projectId=" + keep.project(), hs,
              body, true));
        }
      }

      // Hostile and foreign path parameters, one at a time, the others the owner's real ones.
      for (String param : route.pathParams()) {
        List<String> values = new ArrayList<>(HOSTILE_PATH_VALUES);
        // A share link's token is a bearer secret: whoever holds the stranger's link may open it.
        // A template's version number is not anyone's: the foreign "1" is the owner's own version 1.
        if (!param.equals("token") && !foreign.value(param).equals(keep.value(param))) {
          values.add(enc(foreign.value(param)));
        }
        values.add(UUID.randomUUID().toString());
        for (String v : values) {
          Map<String, String> ids = new LinkedHashMap<>(keepIds);
          ids.put(param, v);
          List<Header> hs = new ArrayList<>(bodyHeaders);
          hs.add(ownerAuth);
          out.add(new Req(route, "path:" + param, Who.OWNER, route.method(), pathFor(route, ids), hs, emptyObject,
              true));
        }
      }

      // Hostile query parameters, on the real resources.
      for (int qi = 0; qi < HOSTILE_QUERIES.size(); qi += writes ? 6 : 1) {
        String q = HOSTILE_QUERIES.get(qi);
        Tenant t = writes ? scratch : keep;
        List<Header> hs = new ArrayList<>(bodyHeaders);
        hs.add(ownerAuth);
        if (writes && route.method().equals("DELETE")) {
          continue;
        }
        out.add(new Req(route, "query", Who.OWNER, route.method(), pathFor(route, idsOf(route, t)) + "?" + q, hs,
            emptyObject, false));
      }

      // Methods the route does not have.
      for (String m : List.of("OPTIONS", "PUT", "FOO")) {
        out.add(new Req(route, "method", Who.OWNER, m, keepPath, List.of(ownerAuth), null, false));
      }
      if (route.method().equals("GET") || route.method().equals("DELETE")) {
        out.add(new Req(route, "body-on-" + route.method(), Who.OWNER, route.method(), keepPath,
            List.of(ownerAuth, json()), "{\"a\":1}".getBytes(StandardCharsets.UTF_8), route.method().equals("DELETE")));
      }

      // If-Match that does not name the current version: the write must be refused.
      if (route.headerParams().contains("If-Match")) {
        for (String im : List.of("garbage", "\"999\"", "W/\"999\"", "\"\"", "\"1", "\"" + "9".repeat(5000) + "\"",
            "\"-1\"", "\"1.0\"", "W/")) {
          List<Header> hs = new ArrayList<>(bodyHeaders);
          hs.add(ownerAuth);
          hs.add(Header.of("If-Match", im));
          out.add(new Req(route, "if-match", Who.OWNER, route.method(), keepPath, hs, emptyObject, true));
        }
      }

      // Headers anyone can send.
      List<List<Header>> odd = List.of(
          List.of(Header.of("X-Forwarded-For", "999.999.1.1, ::zz, " + "9".repeat(3000))),
          List.of(Header.of("traceparent", "00-zz-zz-zz"), Header.of("X-Cloud-Trace-Context", "////;o=9")),
          List.of(new Header("User-Agent", new byte[] {(byte) 0xFF, (byte) 0xFE, 'a'})),
          List.of(Header.of("Accept", "text/html"), Header.of("Accept-Encoding", "gzip, br, zstd")),
          List.of(Header.of("X-HTTP-Method-Override", "DELETE")));
      for (List<Header> extra : odd) {
        if (route.method().equals("DELETE")) {
          break;
        }
        List<Header> hs = new ArrayList<>(bodyHeaders);
        hs.add(ownerAuth);
        hs.addAll(extra);
        Tenant t = writes ? scratch : keep;
        out.add(new Req(route, "header", Who.OWNER, route.method(), pathFor(route, idsOf(route, t)), hs, emptyObject,
            false));
      }

      if (route.takesBody() || writes) {
        out.addAll(bodies(route));
      }
    }
    out.addAll(unrouted());
    return out;
  }

  /** Bodies for a route that takes one (or a POST that takes none), sent as the owner to the scratch project. */
  static List<Req> bodies(Route route) {
    List<Req> out = new ArrayList<>();
    if (route.method().equals("DELETE")) {
      return out;
    }
    String path = pathFor(route, idsOf(route, scratch));
    Header ownerAuth = route.isPublic() ? Header.of("X-Nobody", "1") : auth(owner.idToken());
    Who who = route.isPublic() ? Who.ANONYMOUS : Who.OWNER;
    List<Header> jsonHeaders = List.of(ownerAuth, json());
    boolean isUpload = route.bodyTypes().stream().anyMatch(t -> t.startsWith("image/") || t.endsWith("octet-stream"));
    boolean isCsv = route.bodyTypes().contains("text/csv");

    for (byte[] b : malformedBodies()) {
      out.add(new Req(route, "body-malformed", who, route.method(), path, jsonHeaders, b, route.takesJson()));
    }
    // RFC 8259 lets a parser ignore a leading byte order mark, so it need not be refused; it must be answered.
    out.add(new Req(route, "body-bom", who, route.method(), path, jsonHeaders,
        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'}, false));
    out.add(new Req(route, "body-empty", who, route.method(), path, jsonHeaders, new byte[0], route.takesJson()));
    out.add(new Req(route, "body-oversized", who, route.method(), path, jsonHeaders,
        oversized(isUpload ? MAX_UPLOAD : MAX_BODY), route.takesBody()));
    out.add(new Req(route, "body-lying-length", who, route.method(), path,
        List.of(ownerAuth, json(), Header.of("Content-Length", "999999999999")), "{}".getBytes(StandardCharsets.UTF_8),
        true));
    out.add(new Req(route, "body-chunked", who, route.method(), path,
        List.of(ownerAuth, json(), Header.of("Transfer-Encoding", "chunked")),
        "2\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII), false));

    // Content types that are not JSON, or JSON in another charset.
    for (String ct : List.of("", "text/plain", "application/json; charset=iso-8859-1", "application/json; charset=utf-16",
        "application/x-www-form-urlencoded", "multipart/form-data; boundary=zz", "application/json, text/plain",
        "application/problem+json", "APPLICATION/JSON; CHARSET=UTF-8", "application/" + "j".repeat(5000),
        "application/json; charset=\"utf-8\"", "text/csv", "image/png")) {
      List<Header> hs = new ArrayList<>(List.of(ownerAuth));
      if (!ct.isEmpty()) {
        hs.add(Header.of("Content-Type", ct));
      }
      out.add(new Req(route, "content-type", who, route.method(), path, hs, "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
          false));
    }

    // Field by field: wrong types, hostile strings (both refused), odd strings (answered).
    for (Field f : route.fields()) {
      JsonObject base = validBase(route, scratch);
      for (String v : wrongTypes(f)) {
        out.add(new Req(route, "field-type:" + f.name(), who, route.method(), path, jsonHeaders,
            withField(base, f.name(), v).getBytes(StandardCharsets.UTF_8), true));
      }
      if (f.type().equals("string") || f.type().equals("any")) {
        for (String v : hostileStrings(f)) {
          out.add(new Req(route, "field-hostile:" + f.name(), who, route.method(), path, jsonHeaders,
              withField(base, f.name(), v).getBytes(StandardCharsets.UTF_8), true));
        }
        for (String v : oddStrings(f)) {
          out.add(new Req(route, "field-odd:" + f.name(), who, route.method(), path, jsonHeaders,
              withField(base, f.name(), v).getBytes(StandardCharsets.UTF_8), false));
        }
      }
      if (f.type().equals("object") || f.type().equals("array")) {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        out.add(new Req(route, "field-deep:" + f.name(), who, route.method(), path, jsonHeaders,
            withField(base, f.name(), deep).getBytes(StandardCharsets.UTF_8), true));
        String bad = f.type().equals("object") ? "{\"k\":\"a\\u0000b\",\"\\u0000\":\"v\"}" : "[{\"k\":\"a\\u0000b\"}]";
        out.add(new Req(route, "field-hostile:" + f.name(), who, route.method(), path, jsonHeaders,
            withField(base, f.name(), bad).getBytes(StandardCharsets.UTF_8), true));
      }
    }
    if (!route.fields().isEmpty()) {
      out.add(new Req(route, "field-unknown", who, route.method(), path, jsonHeaders,
          withField(validBase(route, scratch), "isAdmin", "true").getBytes(StandardCharsets.UTF_8), true));
    }

    // Headers that name the request.
    if (route.headerParams().contains("Idempotency-Key")) {
      byte[] valid = "{\"kind\":\"text\",\"prompt\":\"fuzz\"}".getBytes(StandardCharsets.UTF_8);
      List<byte[]> keys = List.of("k".repeat(256).getBytes(StandardCharsets.UTF_8),
          "k".repeat(10_000).getBytes(StandardCharsets.UTF_8), "".getBytes(StandardCharsets.UTF_8),
          "cl\u00e9".getBytes(StandardCharsets.UTF_8), new byte[] {'k', (byte) 0xFF, (byte) 0xC0},
          "a\u0001b".getBytes(StandardCharsets.UTF_8), "../../x".getBytes(StandardCharsets.UTF_8));
      for (byte[] k : keys) {
        out.add(new Req(route, "idempotency-key", who, route.method(), path,
            List.of(ownerAuth, json(), new Header("Idempotency-Key", k)), valid, false));
      }
      out.add(new Req(route, "idempotency-key-missing", who, route.method(), path, jsonHeaders, valid, true));
    }

    if (isUpload) {
      out.addAll(uploads(route, path, ownerAuth));
    }
    if (isCsv) {
      out.addAll(csvs(route, path, ownerAuth));
    }
    return out;
  }

  static List<Req> uploads(Route route, String path, Header ownerAuth) {
    List<Req> out = new ArrayList<>();
    Map<String, byte[]> files = new LinkedHashMap<>();
    byte[] noise = new byte[4096];
    new Random(SEED).nextBytes(noise);
    files.put("application/octet-stream", noise);
    files.put("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
        0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 8, 6, 0, 0, 0});
    files.put("image/gif", "GIF89a\u00ff\u00ff\u00ff\u00ff".getBytes(StandardCharsets.ISO_8859_1));
    files.put("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, (byte) 0xFF, (byte) 0xFF, 'E', 'x'});
    files.put("image/webp", "RIFF\u00ff\u00ff\u00ff\u007fWEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1));
    files.put("video/mp4", new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 0, 0, 0x7F, (byte) 0xFF,
        (byte) 0xFF, (byte) 0xFF, 'm', 'o', 'o', 'v'});
    files.put("video/webm", new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x01, 0, 0, 0, 0, 0, 0, 0x1F});
    files.put("image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8));
    files.forEach((type, bytes) -> out.add(new Req(route, "upload-bytes", Who.OWNER, "POST", path + "?title=%00x",
        List.of(ownerAuth, Header.of("Content-Type", type)), bytes, true)));
    out.add(new Req(route, "upload-oversized", Who.OWNER, "POST", path,
        List.of(ownerAuth, Header.of("Content-Type", "image/png")), new byte[MAX_UPLOAD + 1], true));
    for (String importBody : List.of("{\"url\":\"file:///etc/passwd\"}", "{\"url\":\"http://169.254.169.254/\"}",
        "{\"url\":\"https://[::1]/\"}", "{\"url\":\"gopher://x/\"}", "{\"url\":\"https://localhost:1/a.png\"}",
        "{\"url\":\"https://0x7f000001/\"}", "{\"url\":\"https://" + "a".repeat(3000) + ".com/\"}",
        "{\"url\":\"https://exa mple.com/\"}", "{\"url\":\"https://user:pw@127.0.0.1/\"}", "{\"byteSize\":-1}",
        "{\"byteSize\":1e99}", "{\"byteSize\":\"x\"}", "{\"byteSize\":10,\"contentType\":\"" + "c".repeat(500) + "\"}",
        "{\"byteSize\":999999999999}", "{\"byteSize\":10,\"contentType\":\"text/html\"}")) {
      out.add(new Req(route, "upload-json", Who.OWNER, "POST", path, List.of(ownerAuth, json()),
          importBody.getBytes(StandardCharsets.UTF_8), true));
    }
    return out;
  }

  static List<Req> csvs(Route route, String path, Header ownerAuth) {
    List<Req> out = new ArrayList<>();
    StringBuilder many = new StringBuilder("product\n");
    for (int i = 0; i < 1_001; i++) {
      many.append("p").append(i).append('\n');
    }
    StringBuilder wide = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      wide.append(i == 0 ? "" : ",").append("c").append(i);
    }
    List<byte[]> files = List.of(
        "product\nte\u0000a\n".getBytes(StandardCharsets.UTF_8),
        "product\n\u0007bell\u001b[31m\n".getBytes(StandardCharsets.UTF_8),
        ("product\n" + "x".repeat(30_000) + "\n").getBytes(StandardCharsets.UTF_8),
        many.toString().getBytes(StandardCharsets.UTF_8),
        "product\n\"unclosed\n".getBytes(StandardCharsets.UTF_8),
        wide.append('\n').toString().getBytes(StandardCharsets.UTF_8),
        new byte[] {'p', 'r', 'o', 'd', 'u', 'c', 't', '\n', (byte) 0xFF, (byte) 0xFE, '\n'},
        "\ufeffproduct\r\ntea\rcoffee\n".getBytes(StandardCharsets.UTF_8),
        "".getBytes(StandardCharsets.UTF_8),
        "product,product\ntea,tea\n".getBytes(StandardCharsets.UTF_8),
        "product\n=HYPERLINK(\"http://x\")\n".getBytes(StandardCharsets.UTF_8));
    boolean[] hostile = {true, true, true, true, true, true, true, false, true, true, false};
    for (int i = 0; i < files.size(); i++) {
      out.add(new Req(route, "csv", Who.OWNER, "POST", path, List.of(ownerAuth, Header.of("Content-Type", "text/csv")),
          files.get(i), hostile[i]));
    }
    return out;
  }

  /** Paths near the routes that no route serves, and paths no URI parser should like. */
  static List<Req> unrouted() {
    Route none = new Route("GET", "(unrouted)", false, List.of(), List.of(), List.of(), Set.of(), List.of());
    List<Req> out = new ArrayList<>();
    for (String p : List.of("/api/", "/api", "/api/projects/" + keep.project() + "/nope", "/api/%00",
        "/api/projects/" + keep.project() + "/contents/" + keep.content() + "/versions/1",
        "/api/projects//contents", "/api/projects/" + keep.project() + "//", "/api/../api/me", "/api/./me",
        "/api/me/", "/api/ME", "/api/projects/" + keep.project() + ";x=1", "/api/projects/%2e%2e/" + keep.project(),
        "/api/" + "x/".repeat(2000), "/api/projects/" + keep.project() + "/generations/x:cancel:cancel",
        "/api/projects/" + keep.project() + "/batches/:run",
        "/api/projects/" + keep.project() + "/generations/x/cancel/cancel", "/api/webhooks/", "/api/webhooks/goapi/x")) {
      out.add(new Req(none, "unrouted", Who.OWNER, "GET", p, List.of(auth(owner.idToken())), null, false));
    }
    return out;
  }

  /** Random combinations of the catalogue's parts, {@code perRoute} per route. */
  static List<Req> randomRound(Random random, int perRoute) {
    List<Req> out = new ArrayList<>();
    List<Route> shuffled = new ArrayList<>(routes);
    for (int i = 0; i < perRoute * routes.size(); i++) {
      Route route = shuffled.get(random.nextInt(shuffled.size()));
      Map<String, String> ids = idsOf(route, scratch);
      boolean destroys = route.method().equals("DELETE");
      if (!route.pathParams().isEmpty() && (destroys || random.nextBoolean())) {
        String p = route.pathParams().get(random.nextInt(route.pathParams().size()));
        ids.put(p, random.nextBoolean() ? HOSTILE_PATH_VALUES.get(random.nextInt(HOSTILE_PATH_VALUES.size()))
            : enc(randomString(random, 1 + random.nextInt(40))));
      }
      String target = pathFor(route, ids);
      if (random.nextInt(3) == 0) {
        target += "?" + HOSTILE_QUERIES.get(random.nextInt(HOSTILE_QUERIES.size()));
      }
      List<Header> hs = new ArrayList<>();
      hs.add(route.isPublic() ? Header.of("X-Nobody", "1") : auth(owner.idToken()));
      byte[] body = null;
      if (route.takesBody()) {
        hs.add(json());
        JsonObject base = validBase(route, scratch);
        if (!route.fields().isEmpty() && random.nextInt(4) > 0) {
          Field f = route.fields().get(random.nextInt(route.fields().size()));
          List<String> pool = new ArrayList<>(wrongTypes(f));
          pool.addAll(oddStrings(f));
          pool.add(quote(randomString(random, random.nextInt(300))));
          pool.add(randomJson(random, 0));
          body = withField(base, f.name(), pool.get(random.nextInt(pool.size()))).getBytes(StandardCharsets.UTF_8);
        } else {
          List<byte[]> pool = malformedBodies();
          body = pool.get(random.nextInt(pool.size()));
        }
      }
      out.add(new Req(route, "random", route.isPublic() ? Who.ANONYMOUS : Who.OWNER, route.method(), target, hs, body,
          false));
    }
    return out;
  }

  static String randomString(Random random, int length) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(10);
      s.appendCodePoint(kind == 0 ? random.nextInt(32) : kind == 1 ? 0x80 + random.nextInt(0x2F80)
          : kind == 2 ? 0x1F300 + random.nextInt(0x300) : 32 + random.nextInt(95));
    }
    return s.toString();
  }

  static String randomJson(Random random, int depth) {
    return switch (depth > 4 ? random.nextInt(4) : random.nextInt(6)) {
      case 0 -> Long.toString(random.nextLong());
      case 1 -> quote(randomString(random, random.nextInt(20)));
      case 2 -> random.nextBoolean() ? "true" : "null";
      case 3 -> Double.toString(random.nextGaussian() * 1e300);
      case 4 -> "[" + randomJson(random, depth + 1) + "," + randomJson(random, depth + 1) + "]";
      default -> "{" + quote(randomString(random, 5)) + ":" + randomJson(random, depth + 1) + "}";
    };
  }

  /** An unsigned ID token (alg none) with the claims Firebase checks, expiring {@code ttlSeconds} from now. */
  static String unsigned(String uid, long ttlSeconds) {
    long now = System.currentTimeMillis() / 1000;
    JsonObject claims = new JsonObject();
    claims.addProperty("iss", "https://securetoken.google.com/demo-contentcreator");
    claims.addProperty("aud", "demo-contentcreator");
    claims.addProperty("auth_time", now - 60);
    claims.addProperty("user_id", uid);
    claims.addProperty("sub", uid);
    claims.addProperty("iat", Math.min(now, now + ttlSeconds) - 60);
    claims.addProperty("exp", now + ttlSeconds);
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
  }

  // ---------------------------------------------------------------- the checks

  /** What the run saw: counts, and one exact request per kind of finding. */
  static final class Tally {
    final Map<Integer, Integer> statuses = new TreeMap<>();
    final Map<String, Integer> perRoute = new TreeMap<>();
    final Set<String> matched = new TreeSet<>();
    final Map<String, String> findings = new TreeMap<>();
    final Map<String, Integer> findingCounts = new TreeMap<>();
    final Map<String, String> notes = new TreeMap<>();
    int sent;

    void finding(Req r, Reply a, String what) {
      String key = r.route() + " | " + r.kind() + " | " + what;
      findingCounts.merge(key, 1, Integer::sum);
      findings.putIfAbsent(key, r.describe() + "\n      -> " + a.status() + " " + a.header("content-type") + " "
          + abbreviate(a.failure() != null ? a.failure() : a.text(), 300));
    }

    void note(Req r, Reply a, String what) {
      notes.putIfAbsent(r.route() + " | " + what, r.describe() + " -> " + a.status());
    }
  }

  static void check(Req r, Reply a, Tally t) {
    t.sent++;
    t.statuses.merge(a.status(), 1, Integer::sum);
    t.perRoute.merge(r.route().toString(), 1, Integer::sum);
    if (a.status() == 0) {
      t.finding(r, a, "no answer");
      return;
    }
    JsonObject problem = null;
    if (a.status() >= 400) {
      String ct = a.header("content-type");
      if (!"application/problem+json".equals(ct)) {
        t.finding(r, a, a.status() + " not problem+json");
      } else {
        try {
          problem = JsonParser.parseString(a.text()).getAsJsonObject();
          boolean complete = problem.has("type") && problem.has("title") && problem.has("detail")
              && problem.has("status") && problem.get("status").getAsInt() == a.status();
          if (!complete) {
            t.finding(r, a, a.status() + " problem lacks a member or its status differs");
          }
        } catch (RuntimeException e) {
          t.finding(r, a, a.status() + " problem+json that is not a JSON object");
        }
      }
    }
    boolean routerMiss = problem != null && (a.status() == 405
        || (a.status() == 404 && problem.has("detail") && problem.get("detail").getAsString().startsWith("There is nothing at")));
    if (!routerMiss && !r.kind().equals("method") && !r.kind().startsWith("path:")) {
      t.matched.add(r.route().toString());
    }
    if (a.status() >= 500 && !(a.status() == 503 && a.header("retry-after") != null && problem != null)) {
      t.finding(r, a, Integer.toString(a.status()));
    }
    if (a.status() < 400 && r.mustRefuse()) {
      if (r.who() == Who.FORGED) {
        t.note(r, a, "an unsigned token of a made-up person was accepted (the Auth emulator's tokens are unsigned)");
      } else {
        t.finding(r, a, "accepted what must be refused (" + a.status() + ")");
      }
    }
    if (r.who() == Who.STRANGER && a.status() == 403) {
      t.finding(r, a, "403 tells a stranger the resource exists");
    }
  }

  static JsonObject snapshot() throws Exception {
    JsonObject s = new JsonObject();
    JsonObject project = api.get("/api/projects/" + keep.project(), owner.idToken()).expect(200).object();
    project.remove("usage");
    s.add("project", project);
    s.add("content", api.get("/api/projects/" + keep.project() + "/contents/" + keep.content(), owner.idToken())
        .expect(200).object());
    s.add("versions", api.get("/api/projects/" + keep.project() + "/contents/" + keep.content() + "/versions",
        owner.idToken()).expect(200).object());
    s.add("templates", api.get("/api/templates?projectId=" + keep.project(), owner.idToken()).expect(200).object());
    JsonObject batch = api.get("/api/projects/" + keep.project() + "/batches/" + keep.batch(), owner.idToken())
        .expect(200).object();
    s.add("batch", batch);
    s.add("members", api.get("/api/projects/" + keep.project() + "/members", owner.idToken()).expect(200).object());
    s.add("invitations", api.get("/api/projects/" + keep.project() + "/invitations", owner.idToken()).expect(200)
        .object());
    s.add("job", api.get("/api/projects/" + keep.project() + "/generations/" + keep.job(), owner.idToken())
        .expect(200).object());
    s.add("contents", api.get("/api/projects/" + keep.project() + "/contents", owner.idToken()).expect(200).object());
    return s;
  }

  @Test
  void everyPublicRouteRefusesHostileInputWithProblemJsonAndLosesNothing() throws Exception {
    long started = System.nanoTime();
    JsonObject before = snapshot();
    Random random = new Random(SEED);
    List<Req> requests = catalogue(random);
    for (int round = 0; round < ROUNDS; round++) {
      requests.addAll(randomRound(random, 10));
    }
    Tally tally = new Tally();
    for (Req r : requests) {
      check(r, RawHttp.send(address, r.method(), r.target(), r.headers(), r.body(), TIMEOUT), tally);
    }
    api.get("/api/health", null).expect(200);
    api.get("/api/me", owner.idToken()).expect(200);
    JsonObject after = snapshot();
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    Set<String> unmatched = new TreeSet<>();
    routes.forEach(r -> {
      if (!tally.matched.contains(r.toString())) {
        unmatched.add(r.toString());
      }
    });
    String log = server.output();
    Files.writeString(Path.of("target", "fuzz-server.log"), log);
    String summary = summary(tally, took, unmatched, before.equals(after) ? null : diff(before, after))
        + causes(log);
    Files.writeString(Path.of("target", "fuzz-summary.txt"), summary);
    System.out.println(summary);

    assertTrue(unmatched.isEmpty(), "routes the fuzz never reached past the router: " + unmatched + "\n" + summary);
    assertTrue(tally.findings.isEmpty(), summary);
    assertEquals(before, after, "the owner's data changed during the fuzz\n" + summary);
  }

  /** Every route of openapi.yaml has a rewrite in firebase.json, and every function rewrite leads to a fuzzed route. */
  @Test
  void theFuzzCoversEveryRouteThatFirebaseJsonServes() throws Exception {
    HostingConfig hosting = HostingConfig.read(ServerProcess.REPO.resolve("firebase.json"));
    for (Route r : routes) {
      String sample = r.template().replaceAll("\\{[^}]+}", "sample");
      assertTrue(hosting.rewriteFor(sample).flatMap(w -> java.util.Optional.ofNullable(w.functionId())).isPresent(),
          "no function rewrite serves " + r);
      r.pathParams().forEach(p -> assertFalse(keep.value(p).isEmpty(), "no resource for {" + p + "}"));
    }
    hosting.rewrites().stream().filter(w -> w.functionId() != null && !w.source().equals("/api/**")).forEach(w ->
        assertTrue(routes.stream().anyMatch(r -> w.pattern().matcher(r.template().replaceAll("\\{[^}]+}", "sample"))
            .matches()), "the rewrite " + w.source() + " leads to no route the fuzz knows from openapi.yaml"));
  }

  /**
   * The server's own account of each distinct unexpected failure, from its JSON log lines: the
   * request line, the exception and the first frame of ours in its stack trace.
   */
  static String causes(String log) {
    Map<String, Integer> causes = new TreeMap<>();
    for (String line : log.split("\n")) {
      if (!line.startsWith("{")) {
        continue;
      }
      JsonObject entry;
      try {
        entry = JsonParser.parseString(line).getAsJsonObject();
      } catch (RuntimeException e) {
        continue;
      }
      String message = entry.has("message") ? entry.get("message").getAsString() : "";
      if (!message.startsWith("unexpected failure in ") && !message.startsWith("local server failed on ")) {
        continue;
      }
      String where = abbreviate(message.replaceAll("/[A-Za-z0-9]{20}", "/<id>"), 200);
      String at = "";
      if (entry.has("stack_trace")) {
        for (String frame : entry.get("stack_trace").getAsString().split("\n")) {
          if (frame.contains("dev.contentcreator")) {
            at = " | " + frame.trim();
            break;
          }
        }
      }
      causes.merge(where + at, 1, Integer::sum);
    }
    if (causes.isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder("server-side causes (from its log):\n");
    causes.forEach((k, v) -> s.append("  ").append(v).append("x ").append(k).append('\n'));
    return s.toString();
  }

  static String diff(JsonObject before, JsonObject after) {
    StringBuilder s = new StringBuilder();
    for (String k : before.keySet()) {
      if (!before.get(k).equals(after.get(k))) {
        s.append("  ").append(k).append(" before: ").append(abbreviate(before.get(k).toString(), 400)).append('\n')
            .append("  ").append(k).append(" after:  ").append(abbreviate(String.valueOf(after.get(k)), 400)).append('\n');
      }
    }
    return s.toString();
  }

  static String summary(Tally t, Duration took, Set<String> unmatched, String dataChanged) {
    StringBuilder s = new StringBuilder("ROUTE FUZZ SUMMARY\n");
    s.append("seed ").append(SEED).append(", rounds ").append(ROUNDS).append(", routes ").append(routes.size())
        .append(", requests ").append(t.sent).append(", ").append(took.toMillis() / 1000.0).append(" s\n");
    s.append("statuses:");
    t.statuses.forEach((k, v) -> s.append(' ').append(k == 0 ? "none" : k).append('=').append(v));
    s.append('\n');
    long fiveXx = t.statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(Map.Entry::getValue).sum();
    s.append("5xx answers: ").append(fiveXx).append('\n');
    s.append("owner's data after the run: ").append(dataChanged == null ? "unchanged" : "CHANGED\n" + dataChanged)
        .append('\n');
    if (!unmatched.isEmpty()) {
      s.append("routes never reached: ").append(unmatched).append('\n');
    }
    s.append("findings: ").append(t.findings.size()).append('\n');
    t.findings.forEach((k, v) -> s.append("  * ").append(k).append(" (x").append(t.findingCounts.get(k)).append(")\n")
        .append("      ").append(v).append('\n'));
    if (!t.notes.isEmpty()) {
      s.append("notes:\n");
      t.notes.forEach((k, v) -> s.append("  - ").append(k).append("\n      ").append(v).append('\n'));
    }
    s.append("requests per route:\n");
    t.perRoute.forEach((k, v) -> s.append("  ").append(v).append("  ").append(k).append('\n'));
    return s.toString();
  }
}
