package dev.contentcreator.local;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * OpenAI and GoAPI on one loopback port, as the local server's adapters see them over the wire:
 * streamed chat completions ending in a usage chunk and {@code data: [DONE]}, moderations, GoAPI's
 * task create and get, webhooks posted back with {@code x-webhook-secret}, and the media a task
 * made. Each test scripts it by a marker it puts in its prompt, so tests sharing one fake never
 * take each other's faults. Every request is recorded with how it was answered.
 */
final class FakeProviders implements AutoCloseable {
  static final String API_KEY = "test-key";
  static final String CHAT = "/v1/chat/completions";
  static final String MODERATIONS = "/v1/moderations";
  static final String TASKS = "/api/v1/task";
  static final String MEDIA = "/media/";

  /** How the fake answers one chat completion. */
  enum Chat {
    /** The whole answer, streamed: a role chunk, text chunks, a finishing chunk, a usage chunk, [DONE]. */
    STREAM,
    /** 429 {@code rate_limit_exceeded} with {@code Retry-After: 1}. */
    RATE_LIMITED,
    /** 429 {@code insufficient_quota}: the account is out of credit. */
    NO_QUOTA,
    /** 400 {@code invalid_request_error}. */
    BAD_REQUEST,
    /** 500 {@code server_error}. */
    SERVER_ERROR,
    /** 503 overloaded with {@code Retry-After: 1}. */
    OVERLOADED,
    /** A stream whose second chunk breaks off in the middle of its JSON, then [DONE]. */
    TRUNCATED_JSON,
    /** Two chunks, then the connection drops in the middle of the body. */
    STREAM_CUT,
    /** The whole answer, but only after {@link #slowDelay}: past the client's timeout. */
    TOO_SLOW
  }

  /** One request the fake received, and whether it was answered with a whole, good answer. */
  static final class Call {
    private final String method;
    private final String path;
    private final String prompt;
    private final JsonObject body;
    private final Map<String, List<String>> headers;
    private volatile String answer = "";
    private volatile boolean succeeded;

    private Call(String method, String path, String prompt, JsonObject body, Map<String, List<String>> headers) {
      this.method = method;
      this.path = path;
      this.prompt = prompt;
      this.body = body;
      this.headers = headers;
    }

    String method() { return method; }
    String path() { return path; }
    /** The prompt or moderated text the request carried, "" when none. */
    String prompt() { return prompt; }
    JsonObject body() { return body; }
    /** What the fake answered: a {@link Chat} name, a task status, "media" and so on. */
    String answer() { return answer; }
    boolean succeeded() { return succeeded; }

    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    @Override
    public String toString() {
      return method + " " + path + " -> " + answer + (succeeded ? " (ok)" : "");
    }
  }

  /** A chat completion streamed to its end: the text and the usage the fake reported with it. */
  record Completion(String prompt, String text, long promptTokens, long completionTokens) {}

  /** A GoAPI task the fake made, with the statuses its polls answer in turn (the last one repeats). */
  static final class Task {
    private final String id;
    private final String model;
    private final String taskType;
    private final JsonObject input;
    private final String webhookEndpoint;
    private final String webhookSecret;
    private final List<String> statuses;
    private final AtomicInteger polls = new AtomicInteger();
    private volatile boolean completedByWebhook;

    private Task(String id, String model, String taskType, JsonObject input, String webhookEndpoint,
        String webhookSecret, List<String> statuses) {
      this.id = id;
      this.model = model;
      this.taskType = taskType;
      this.input = input;
      this.webhookEndpoint = webhookEndpoint;
      this.webhookSecret = webhookSecret;
      this.statuses = statuses;
    }

    String id() { return id; }
    String prompt() { return input.has("prompt") ? input.get("prompt").getAsString() : ""; }
    /** The endpoint GoAPI was asked to post updates to, or null. */
    String webhookEndpoint() { return webhookEndpoint; }

    private String nextStatus() {
      if (completedByWebhook) {
        polls.incrementAndGet();
        return "completed";
      }
      int n = polls.getAndIncrement();
      return statuses.get(Math.min(n, statuses.size() - 1));
    }
  }

  /** What the local server answered to a webhook the fake posted. */
  record WebhookAnswer(int status, String body) {}

  private static final List<String> MODERATION_CATEGORIES = List.of("harassment", "harassment/threatening", "hate",
      "hate/threatening", "illicit", "illicit/violent", "self-harm", "self-harm/intent", "self-harm/instructions",
      "sexual", "sexual/minors", "violence", "violence/graphic");
  private static final Set<String> FLAGGED_CATEGORIES = Set.of("harassment", "violence");

  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final HttpClient webhookClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final List<Completion> completions = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Chat>> chatScripts = new LinkedHashMap<>();
  private final Map<String, List<String>> taskPlans = new ConcurrentHashMap<>();
  private final Map<String, Task> tasks = new ConcurrentHashMap<>();
  private final Set<String> flaggedMarkers = ConcurrentHashMap.newKeySet();
  private final AtomicInteger serial = new AtomicInteger();
  private volatile Chat unscripted = Chat.STREAM;
  private volatile Duration slowDelay = Duration.ofSeconds(5);
  private volatile byte[] image = new byte[0];

  private FakeProviders() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  static FakeProviders start() throws IOException {
    return new FakeProviders();
  }

  /** The fake's own address, such as {@code http://127.0.0.1:41234}: GoAPI's base URL. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** OpenAI's base URL, ending in {@code /v1}. */
  String openAiBaseUrl() {
    return baseUrl() + "/v1";
  }

  // ----- scripting

  /**
   * Chat completions whose prompt contains {@code marker} take these answers one by one, in the
   * order the requests arrive; once they are used up, such requests get {@link Chat#STREAM}.
   */
  FakeProviders scriptChat(String marker, Chat... answers) {
    synchronized (chatScripts) {
      chatScripts.put(marker, new ArrayDeque<>(Arrays.asList(answers)));
    }
    return this;
  }

  /** How many scripted answers for {@code marker} have not been used yet. */
  int scriptLeft(String marker) {
    synchronized (chatScripts) {
      Deque<Chat> left = chatScripts.get(marker);
      return left == null ? 0 : left.size();
    }
  }

  /** The answer of every chat completion no script covers; {@link Chat#STREAM} at first. */
  FakeProviders answerUnscriptedChats(Chat answer) {
    this.unscripted = answer;
    return this;
  }

  /** How long a {@link Chat#TOO_SLOW} answer waits before it starts. */
  FakeProviders slowDelay(Duration delay) {
    this.slowDelay = delay;
    return this;
  }

  /** Moderation flags any input containing {@code marker}. */
  FakeProviders flagPromptsContaining(String marker) {
    flaggedMarkers.add(marker);
    return this;
  }

  /**
   * GoAPI tasks whose prompt contains {@code marker} answer their polls with these statuses in
   * turn, the last one repeating; tasks no plan covers answer {@code completed} at once.
   */
  FakeProviders planTasks(String marker, String... statuses) {
    if (statuses.length == 0) {
      throw new IllegalArgumentException("a plan needs at least one status");
    }
    taskPlans.put(marker, List.of(statuses));
    return this;
  }

  /** The PNG every media address of the fake serves. */
  FakeProviders serveImage(byte[] png) {
    this.image = png.clone();
    return this;
  }

  // ----- what happened

  /** Every request to {@code path} (tasks: create and get) whose prompt contains {@code marker}. */
  List<Call> calls(String path, String marker) {
    return calls.stream().filter(c -> c.path().startsWith(path) && c.prompt().contains(marker)).toList();
  }

  /** Every request to {@code path}, whatever its prompt. */
  List<Call> calls(String path) {
    return calls.stream().filter(c -> c.path().startsWith(path)).toList();
  }

  /** The chat completions streamed to their end for prompts containing {@code marker}. */
  List<Completion> completions(String marker) {
    return completions.stream().filter(c -> c.prompt().contains(marker)).toList();
  }

  /** The tasks created for prompts containing {@code marker}, in the order they were made. */
  List<Task> tasks(String marker) {
    return calls(TASKS, marker).stream().filter(c -> c.method().equals("POST") && c.succeeded())
        .map(c -> tasks.get(c.answer())).toList();
  }

  /**
   * Does what GoAPI does when a task finishes: marks it completed and posts it to the webhook
   * endpoint it was created with, with its secret in {@code x-webhook-secret}.
   */
  WebhookAnswer deliverWebhook(Task task) throws IOException, InterruptedException {
    if (task.webhookEndpoint == null) {
      throw new IllegalStateException("task " + task.id + " was created without a webhook");
    }
    task.completedByWebhook = true;
    String body = completedWebhookBody(task);
    HttpResponse<String> r = webhookClient.send(HttpRequest.newBuilder(URI.create(task.webhookEndpoint))
        .header("Content-Type", "application/json")
        .header("x-webhook-secret", task.webhookSecret)
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    return new WebhookAnswer(r.statusCode(), r.body());
  }

  /** The body GoAPI's webhook would carry for this task once completed, for tests that post it themselves. */
  String completedWebhookBody(Task task) {
    JsonObject body = new JsonObject();
    body.addProperty("timestamp", Instant.now().getEpochSecond());
    body.add("data", taskJson(task, "completed"));
    return body.toString();
  }

  // ----- serving

  /**
   * Records the request and answers it. The exchange is closed only after a normal answer: a
   * handler that throws leaves the JDK server to drop the connection, which is how a stream is cut.
   */
  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    byte[] raw;
    try (InputStream in = exchange.getRequestBody()) {
      raw = in.readAllBytes();
    }
    JsonObject body = parseObject(raw);
    Call call = new Call(method, path, promptOf(path, body), body, Map.copyOf(exchange.getRequestHeaders()));
    calls.add(call);
    if (path.startsWith(MEDIA) && method.equals("GET")) {
      media(exchange, call);
    } else if (path.startsWith("/v1/") && !("Bearer " + API_KEY).equals(call.header("Authorization"))) {
      call.answer = "unauthorized";
      openAiError(exchange, 401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key");
    } else if (path.equals(CHAT) && method.equals("POST")) {
      chat(exchange, call);
    } else if (path.equals(MODERATIONS) && method.equals("POST")) {
      moderation(exchange, call);
    } else if (path.startsWith(TASKS) && !API_KEY.equals(call.header("X-API-Key"))) {
      call.answer = "unauthorized";
      sendJson(exchange, 401, goApiEnvelope(401, "Invalid API key", null));
    } else if (path.equals(TASKS) && method.equals("POST")) {
      createTask(exchange, call);
    } else if (path.startsWith(TASKS + "/") && method.equals("GET")) {
      getTask(exchange, call, path.substring(TASKS.length() + 1));
    } else {
      call.answer = "no route";
      sendJson(exchange, 404, "{\"error\":{\"message\":\"Unknown request URL\",\"type\":\"invalid_request_error\","
          + "\"param\":null,\"code\":\"unknown_url\"}}");
    }
    exchange.close();
  }

  private void chat(HttpExchange exchange, Call call) throws IOException {
    Chat answer = nextChat(call.prompt());
    call.answer = answer.name();
    String model = call.body().has("model") ? call.body().get("model").getAsString() : "gpt-4o-mini";
    switch (answer) {
      case STREAM -> {
        Completion done = streamWhole(exchange, call.prompt(), model);
        completions.add(done);
        call.succeeded = true;
      }
      case RATE_LIMITED -> openAiError(exchange, 429, "Rate limit reached for " + model + " on requests per min (RPM): "
          + "Limit 3, Used 3, Requested 1.", "requests", "rate_limit_exceeded", "Retry-After", "1",
          "x-ratelimit-remaining-requests", "0");
      case NO_QUOTA -> openAiError(exchange, 429, "You exceeded your current quota, please check your plan and "
          + "billing details.", "insufficient_quota", "insufficient_quota");
      case BAD_REQUEST -> openAiError(exchange, 400, "Invalid value for 'temperature': must be at most 2.",
          "invalid_request_error", "invalid_value");
      case SERVER_ERROR -> openAiError(exchange, 500, "The server had an error while processing your request.",
          "server_error", null);
      case OVERLOADED -> openAiError(exchange, 503, "The engine is currently overloaded, please try again later.",
          "server_error", null, "Retry-After", "1");
      case TRUNCATED_JSON -> {
        startStream(exchange);
        OutputStream out = exchange.getResponseBody();
        String id = "chatcmpl-" + UUID.randomUUID();
        writeEvent(out, chunk(id, model, roleChoice(), null));
        String whole = chunk(id, model, contentChoice("Half of a"), null);
        writeEvent(out, whole.substring(0, whole.length() / 2));
        writeEvent(out, "[DONE]");
      }
      case STREAM_CUT -> {
        startStream(exchange);
        OutputStream out = exchange.getResponseBody();
        String id = "chatcmpl-" + UUID.randomUUID();
        writeEvent(out, chunk(id, model, roleChoice(), null));
        writeEvent(out, chunk(id, model, contentChoice("This answer never"), null));
        // Thrown out of the handler, this makes the JDK server drop the connection mid-body.
        throw new IOException("the fake cuts this stream on purpose");
      }
      case TOO_SLOW -> {
        try {
          Thread.sleep(slowDelay.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        try {
          streamWhole(exchange, call.prompt(), model);
        } catch (IOException gone) {
          // The client gave up long ago, as it should.
        }
      }
      default -> throw new IllegalStateException("no answer for " + answer);
    }
  }

  private Chat nextChat(String prompt) {
    synchronized (chatScripts) {
      for (Map.Entry<String, Deque<Chat>> script : chatScripts.entrySet()) {
        if (prompt.contains(script.getKey())) {
          Chat next = script.getValue().poll();
          return next == null ? Chat.STREAM : next;
        }
      }
    }
    return unscripted;
  }

  /** Streams a whole answer whose text is unique to this call, and answers what it streamed. */
  private Completion streamWhole(HttpExchange exchange, String prompt, String model) throws IOException {
    int n = serial.incrementAndGet();
    List<String> deltas = List.of("Reply", " " + n, ":", " fresh", " coffee", ",", " slow", " mornings", ".");
    long promptTokens = 17 + n;
    long completionTokens = deltas.size() + 2L * n;
    startStream(exchange);
    OutputStream out = exchange.getResponseBody();
    String id = "chatcmpl-" + UUID.randomUUID();
    writeEvent(out, chunk(id, model, roleChoice(), null));
    for (String delta : deltas) {
      writeEvent(out, chunk(id, model, contentChoice(delta), null));
    }
    JsonObject finish = new JsonObject();
    finish.addProperty("index", 0);
    finish.add("delta", new JsonObject());
    finish.add("logprobs", JsonNull.INSTANCE);
    finish.addProperty("finish_reason", "stop");
    writeEvent(out, chunk(id, model, finish, null));
    JsonObject usage = new JsonObject();
    usage.addProperty("prompt_tokens", promptTokens);
    usage.addProperty("completion_tokens", completionTokens);
    usage.addProperty("total_tokens", promptTokens + completionTokens);
    writeEvent(out, chunk(id, model, null, usage));
    writeEvent(out, "[DONE]");
    out.close();
    return new Completion(prompt, String.join("", deltas), promptTokens, completionTokens);
  }

  private static JsonObject roleChoice() {
    JsonObject delta = new JsonObject();
    delta.addProperty("role", "assistant");
    delta.addProperty("content", "");
    delta.add("refusal", JsonNull.INSTANCE);
    return choice(delta);
  }

  private static JsonObject contentChoice(String text) {
    JsonObject delta = new JsonObject();
    delta.addProperty("content", text);
    return choice(delta);
  }

  private static JsonObject choice(JsonObject delta) {
    JsonObject c = new JsonObject();
    c.addProperty("index", 0);
    c.add("delta", delta);
    c.add("logprobs", JsonNull.INSTANCE);
    c.add("finish_reason", JsonNull.INSTANCE);
    return c;
  }

  /** One {@code chat.completion.chunk}: with one choice, or with none and the usage. */
  private static String chunk(String id, String model, JsonObject choice, JsonObject usage) {
    JsonObject o = new JsonObject();
    o.addProperty("id", id);
    o.addProperty("object", "chat.completion.chunk");
    o.addProperty("created", Instant.now().getEpochSecond());
    o.addProperty("model", model);
    o.addProperty("service_tier", "default");
    o.addProperty("system_fingerprint", "fp_fake0001");
    JsonArray choices = new JsonArray();
    if (choice != null) {
      choices.add(choice);
    }
    o.add("choices", choices);
    o.add("usage", usage == null ? JsonNull.INSTANCE : usage);
    return o.toString();
  }

  private void moderation(HttpExchange exchange, Call call) throws IOException {
    boolean flagged = flaggedMarkers.stream().anyMatch(call.prompt()::contains);
    call.answer = flagged ? "flagged" : "clean";
    JsonObject categories = new JsonObject();
    JsonObject scores = new JsonObject();
    JsonObject inputTypes = new JsonObject();
    for (String category : MODERATION_CATEGORIES) {
      boolean hit = flagged && FLAGGED_CATEGORIES.contains(category);
      categories.addProperty(category, hit);
      scores.addProperty(category, hit ? 0.83 : 0.0004);
      JsonArray types = new JsonArray();
      types.add("text");
      inputTypes.add(category, types);
    }
    JsonObject result = new JsonObject();
    result.addProperty("flagged", flagged);
    result.add("categories", categories);
    result.add("category_scores", scores);
    result.add("category_applied_input_types", inputTypes);
    JsonArray results = new JsonArray();
    results.add(result);
    JsonObject answer = new JsonObject();
    answer.addProperty("id", "modr-" + serial.incrementAndGet());
    answer.addProperty("model", call.body().has("model") ? call.body().get("model").getAsString()
        : "omni-moderation-latest");
    answer.add("results", results);
    sendJson(exchange, 200, answer.toString());
    call.succeeded = true;
  }

  private void createTask(HttpExchange exchange, Call call) throws IOException {
    JsonObject body = call.body();
    JsonObject input = body.has("input") && body.get("input").isJsonObject() ? body.getAsJsonObject("input")
        : new JsonObject();
    if (!body.has("model") || !body.has("task_type")) {
      call.answer = "bad request";
      sendJson(exchange, 400, goApiEnvelope(400, "model and task_type are required", null));
      return;
    }
    String endpoint = null;
    String secret = null;
    if (body.has("config") && body.getAsJsonObject("config").has("webhook_config")) {
      JsonObject webhook = body.getAsJsonObject("config").getAsJsonObject("webhook_config");
      endpoint = webhook.has("endpoint") ? webhook.get("endpoint").getAsString() : null;
      secret = webhook.has("secret") ? webhook.get("secret").getAsString() : null;
    }
    String prompt = call.prompt();
    List<String> plan = taskPlans.entrySet().stream().filter(e -> prompt.contains(e.getKey()))
        .map(Map.Entry::getValue).findFirst().orElse(List.of("completed"));
    Task task = new Task(UUID.randomUUID().toString(), body.get("model").getAsString(),
        body.get("task_type").getAsString(), input, endpoint, secret, plan);
    tasks.put(task.id, task);
    call.answer = task.id;
    sendJson(exchange, 200, goApiEnvelope(200, "success", taskJson(task, "pending")));
    call.succeeded = true;
  }

  private void getTask(HttpExchange exchange, Call call, String id) throws IOException {
    Task task = tasks.get(id);
    if (task == null) {
      call.answer = "unknown task";
      sendJson(exchange, 404, goApiEnvelope(404, "task not found", null));
      return;
    }
    String status = task.nextStatus();
    call.answer = status;
    sendJson(exchange, 200, goApiEnvelope(200, "success", taskJson(task, status)));
    call.succeeded = true;
  }

  /** A task object as GoAPI shows it: in create and get answers' {@code data}, and in webhooks. */
  private JsonObject taskJson(Task task, String status) {
    JsonObject o = new JsonObject();
    o.addProperty("task_id", task.id);
    o.addProperty("model", task.model);
    o.addProperty("task_type", task.taskType);
    o.addProperty("status", status);
    JsonObject webhook = new JsonObject();
    webhook.addProperty("endpoint", task.webhookEndpoint == null ? "" : task.webhookEndpoint);
    webhook.addProperty("secret", "");
    JsonObject config = new JsonObject();
    config.addProperty("service_mode", "public");
    config.add("webhook_config", webhook);
    o.add("config", config);
    o.add("input", task.input.deepCopy());
    JsonObject output = new JsonObject();
    boolean completed = status.equals("completed");
    output.addProperty("image_url", completed ? baseUrl() + MEDIA + task.id + ".png" : "");
    output.addProperty("image_base64", "");
    output.addProperty("task_progress", completed ? 100 : status.equals("processing") ? 40 : 0);
    o.add("output", output);
    JsonObject meta = new JsonObject();
    meta.addProperty("created_at", Instant.now().toString());
    o.add("meta", meta);
    o.add("detail", JsonNull.INSTANCE);
    o.add("logs", new JsonArray());
    JsonObject error = new JsonObject();
    error.addProperty("code", 0);
    error.addProperty("raw_message", "");
    error.addProperty("message", "");
    error.add("detail", JsonNull.INSTANCE);
    o.add("error", error);
    return o;
  }

  private static String goApiEnvelope(int code, String message, JsonObject data) {
    JsonObject o = new JsonObject();
    o.addProperty("code", code);
    o.add("data", data == null ? JsonNull.INSTANCE : data);
    o.addProperty("message", message);
    return o.toString();
  }

  private void media(HttpExchange exchange, Call call) throws IOException {
    byte[] bytes = image;
    call.answer = "media";
    exchange.getResponseHeaders().set("Content-Type", "image/png");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
    call.succeeded = true;
  }

  // ----- wire helpers

  private static void openAiError(HttpExchange exchange, int status, String message, String type, String code,
      String... headerPairs) throws IOException {
    JsonObject error = new JsonObject();
    error.addProperty("message", message);
    error.addProperty("type", type);
    error.add("param", JsonNull.INSTANCE);
    if (code == null) {
      error.add("code", JsonNull.INSTANCE);
    } else {
      error.addProperty("code", code);
    }
    JsonObject body = new JsonObject();
    body.add("error", error);
    for (int i = 0; i + 1 < headerPairs.length; i += 2) {
      exchange.getResponseHeaders().set(headerPairs[i], headerPairs[i + 1]);
    }
    sendJson(exchange, status, body.toString());
  }

  private static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void startStream(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
  }

  private static void writeEvent(OutputStream out, String data) throws IOException {
    out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static JsonObject parseObject(byte[] raw) {
    if (raw.length == 0) {
      return new JsonObject();
    }
    try {
      JsonElement e = JsonParser.parseString(new String(raw, StandardCharsets.UTF_8));
      return e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    } catch (RuntimeException notJson) {
      return new JsonObject();
    }
  }

  /** The text a request is about: a chat's last user message, a moderation's input, a task's prompt. */
  private String promptOf(String path, JsonObject body) {
    if (path.equals(CHAT) && body.has("messages")) {
      String last = "";
      for (JsonElement m : body.getAsJsonArray("messages")) {
        JsonObject message = m.getAsJsonObject();
        if ("user".equals(message.get("role").getAsString())) {
          last = text(message.get("content"));
        }
      }
      return last;
    }
    if (path.equals(MODERATIONS) && body.has("input")) {
      return text(body.get("input"));
    }
    if (path.equals(TASKS) && body.has("input") && body.get("input").isJsonObject()
        && body.getAsJsonObject("input").has("prompt")) {
      return body.getAsJsonObject("input").get("prompt").getAsString();
    }
    if (path.startsWith(TASKS + "/")) {
      Task task = tasks.get(path.substring(TASKS.length() + 1));
      return task == null ? "" : task.prompt();
    }
    return "";
  }

  /** A string, or the texts of an array of strings or of content parts, joined. */
  private static String text(JsonElement e) {
    if (e == null || e.isJsonNull()) {
      return "";
    }
    if (e.isJsonPrimitive()) {
      return e.getAsString();
    }
    List<String> parts = new ArrayList<>();
    if (e.isJsonArray()) {
      for (JsonElement part : e.getAsJsonArray()) {
        if (part.isJsonPrimitive()) {
          parts.add(part.getAsString());
        } else if (part.isJsonObject() && part.getAsJsonObject().has("text")) {
          parts.add(part.getAsJsonObject().get("text").getAsString());
        }
      }
    }
    return String.join("\n", parts);
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }

  @Override
  public String toString() {
    return "FakeProviders{" + baseUrl() + ", " + calls.size() + " calls}";
  }

  /** For failure messages: the calls about a marker, one a line. */
  String describe(String marker) {
    StringBuilder lines = new StringBuilder();
    for (Call c : calls) {
      if (c.prompt().contains(marker)) {
        lines.append(c).append('\n');
      }
    }
    return lines.length() == 0 ? "(no calls)" : lines.toString();
  }
}
