package dev.contentcreator.core.config;

import static dev.contentcreator.core.config.Setting.bool;
import static dev.contentcreator.core.config.Setting.decimal;
import static dev.contentcreator.core.config.Setting.duration;
import static dev.contentcreator.core.config.Setting.durationOrOff;
import static dev.contentcreator.core.config.Setting.integer;
import static dev.contentcreator.core.config.Setting.list;
import static dev.contentcreator.core.config.Setting.longValue;
import static dev.contentcreator.core.config.Setting.path;
import static dev.contentcreator.core.config.Setting.rate;
import static dev.contentcreator.core.config.Setting.string;

import dev.contentcreator.core.ports.RateLimiter.Limit;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The catalog: every environment variable the product reads, declared once with its type, its
 * default and what it does. Code reads settings only through these (usually into a typed settings
 * record such as GenerationSettings, read once); README.md's configuration table lists the same
 * keys with the same defaults, which SettingsCatalogTest checks.
 */
public final class Settings {
  private Settings() {}

  // The local server
  public static final Setting<Integer> PORT = integer("PORT", "8080", "the local server's port");
  public static final Setting<String> HOST = string("HOST", "127.0.0.1", "the address the local server listens on");
  public static final Setting<Path> DATA_DIR = path("DATA_DIR", "./.data", "the folder of the SQLite file, blobs and backups");
  public static final Setting<Path> PROJECT_ROOT = path("PROJECT_ROOT", ".", "the checkout the local server serves firebase.json and hosting/dist from");
  public static final Setting<Integer> HTTP_THREADS = integer("HTTP_THREADS", "32", "threads serving requests on the local server");
  public static final Setting<String> JAVA_OPTS = string("JAVA_OPTS", null, "extra JVM options for run-local.sh (read by the script, not the JVM)");
  public static final Setting<Optional<Duration>> BACKUP_INTERVAL = durationOrOff("BACKUP_INTERVAL", "24h", "how often the local server backs up its data; off turns it off");
  public static final Setting<Integer> BACKUP_KEEP = integer("BACKUP_KEEP", "7", "how many local backups are kept");
  public static final Setting<Duration> BATCH_TICK = duration("BATCH_TICK", "1m", "how often the local batch scheduler looks for due runs");
  public static final Setting<Duration> JOBS_SWEEP = duration("JOBS_SWEEP", "5m", "how often the local server fans out jobs still queued whose event was lost, as Cloud Scheduler's jobs-sweep does in production");

  // Identity
  public static final Setting<String> FIREBASE_PROJECT_ID = string("FIREBASE_PROJECT_ID", ProjectId.DEMO, "the Firebase project tokens must be issued for; see ProjectId");
  public static final Setting<String> GOOGLE_CLOUD_PROJECT = string("GOOGLE_CLOUD_PROJECT", null, "the Google Cloud project, when FIREBASE_PROJECT_ID is unset; see ProjectId");
  public static final Setting<String> FIREBASE_API_KEY = string("FIREBASE_API_KEY", "demo-api-key", "the web API key the app is given");
  public static final Setting<String> AUTH_EMULATOR = string("AUTH_EMULATOR", "auto", "auto: use or start the Auth emulator; off: real Firebase Auth");
  public static final Setting<String> FIREBASE_AUTH_EMULATOR_HOST = string("FIREBASE_AUTH_EMULATOR_HOST", "127.0.0.1:9099", "where the Auth emulator is (the local server's default; unset elsewhere means none)");
  public static final Setting<Duration> AUTH_EMULATOR_START_TIMEOUT = duration("AUTH_EMULATOR_START_TIMEOUT", "120s", "how long to wait for the emulator to start");
  public static final Setting<String> IDENTITY = string("IDENTITY", "firebase", "the identity adapter");
  public static final Setting<Boolean> CHECK_REVOKED_TOKENS = bool("CHECK_REVOKED_TOKENS", "true", "also ask Firebase Auth whether a token's account was revoked");
  public static final Setting<Duration> TOKEN_CACHE_TTL = duration("TOKEN_CACHE_TTL", "60s", "how long a verified token is remembered");
  public static final Setting<Boolean> WARM_START = bool("WARM_START", "false",
      "start a function instance's document store, identity and rate-limit clients on threads of their own as it starts, before its first request (terraform sets it for Cloud Functions)");

  // Documents
  public static final Setting<String> DOCUMENTS = string("DOCUMENTS", "sqlite", "the documents adapter: sqlite or firestore");
  public static final Setting<String> CHANGE_FEED = string("CHANGE_FEED", null,
      "the change feed of live item views: local (told by this process's writes) or firestore (Firestore's listeners); default firestore when DOCUMENTS is, else local");
  public static final Setting<Path> SQLITE_PATH = path("SQLITE_PATH", null, "the SQLite file").derivedFrom("$DATA_DIR/contentcreator.db");
  public static final Setting<Integer> SQLITE_READ_CONNECTIONS = integer("SQLITE_READ_CONNECTIONS", "8", "pooled read connections to the SQLite file");
  public static final Setting<Duration> SQLITE_BUSY_TIMEOUT = duration("SQLITE_BUSY_TIMEOUT", "5s", "how long a write waits for SQLite's lock");
  public static final Setting<String> FIRESTORE_EMULATOR_HOST = string("FIRESTORE_EMULATOR_HOST", null, "host:port of the Firestore emulator");
  public static final Setting<String> FIRESTORE_DATABASE = string("FIRESTORE_DATABASE", "(default)", "the Firestore database");
  public static final Setting<String> FIRESTORE_TRANSPORT = string("FIRESTORE_TRANSPORT", "rest", "how the documents adapter talks to Firestore: rest (its REST API on the JDK's HTTP client, quick to start) or grpc (the Firestore client library)");
  public static final Setting<Integer> FIRESTORE_TRANSACTION_ATTEMPTS = integer("FIRESTORE_TRANSACTION_ATTEMPTS", "10", "how often a Firestore transaction runs when concurrent ones keep winning");

  // Queues
  public static final Setting<String> TASKS = string("TASKS", "sqlite", "the tasks adapter: sqlite or cloudtasks");
  public static final Setting<String> EVENTS = string("EVENTS", "sqlite", "the events adapter: sqlite or pubsub");
  public static final Setting<Integer> QUEUE_WORKERS = integer("QUEUE_WORKERS", "8", "tasks (and, separately, event deliveries) one process runs at once");
  public static final Setting<Duration> QUEUE_POLL_INTERVAL = duration("QUEUE_POLL_INTERVAL", "1s", "the longest the queue sleeps before looking for work");
  public static final Setting<Duration> QUEUE_LEASE = duration("QUEUE_LEASE", "30s", "how long a running task's lease lasts unrenewed");
  public static final Setting<Duration> QUEUE_RETENTION = duration("QUEUE_RETENTION", "1h", "how long a finished task's name stays taken");
  public static final Setting<Duration> QUEUE_SHUTDOWN_TIMEOUT = duration("QUEUE_SHUTDOWN_TIMEOUT", "30s", "how long stopping waits for running tasks");
  public static final Setting<String> PUBSUB_EMULATOR_HOST = string("PUBSUB_EMULATOR_HOST", null, "host:port of the Pub/Sub emulator");
  public static final Setting<String> REGION = string("REGION", null, "the region the functions and queues are deployed in");
  public static final Setting<String> TASKS_LOCATION = string("TASKS_LOCATION", null, "the region of the Cloud Tasks queues").derivedFrom("REGION");
  public static final Setting<String> TASKS_TARGET_URL = string("TASKS_TARGET_URL", null, "the task runner's base address");
  public static final Setting<String> TASKS_INVOKER_SA = string("TASKS_INVOKER_SA", null, "the service accounts Cloud Tasks calls the runner as, comma-separated");
  public static final Setting<String> TASKS_AUDIENCE = string("TASKS_AUDIENCE", null, "the audience of Cloud Tasks' OIDC tokens").derivedFrom("TASKS_TARGET_URL");
  public static final Setting<String> SCHEDULER_AUDIENCE = string("SCHEDULER_AUDIENCE", null, "the audience of Cloud Scheduler's OIDC tokens");
  public static final Setting<String> SCHEDULER_INVOKER_SA = string("SCHEDULER_INVOKER_SA", null, "the service accounts Cloud Scheduler calls as, comma-separated");
  public static final Setting<Duration> EVENT_MAX_AGE = duration("EVENT_MAX_AGE", "24h", "the fan-out drops Pub/Sub messages older than this");

  // Blobs
  public static final Setting<String> BLOBS = string("BLOBS", "folder", "the blobs adapter: folder or gcs");
  public static final Setting<Path> BLOBS_DIR = path("BLOBS_DIR", null, "the blob folder").derivedFrom("$DATA_DIR/blobs");
  public static final Setting<String> MEDIA_BUCKET = string("MEDIA_BUCKET", null, "the Cloud Storage bucket of BLOBS=gcs");
  public static final Setting<String> BACKUP_BUCKET = string("BACKUP_BUCKET", null, "the bucket Firestore exports go to");
  public static final Setting<String> FIRESTORE_API_URL = string("FIRESTORE_API_URL", null, "another address for the Firestore Admin REST API");

  // Redis, cache, rate limits
  public static final Setting<String> REDIS_URL = string("REDIS_URL", null, "the Redis server shared by every instance");
  public static final Setting<String> REDIS_CA_CERT = string("REDIS_CA_CERT", null, "the CA certificates a rediss:// server must chain to");
  public static final Setting<String> REDIS_KEY_PREFIX = string("REDIS_KEY_PREFIX", "cc:", "prefix of every Redis key");
  public static final Setting<Integer> REDIS_POOL_SIZE = integer("REDIS_POOL_SIZE", "32",
      "the most Redis connections each client keeps");
  public static final Setting<String> RATE_LIMITS = string("RATE_LIMITS", null, "the rate-limit adapter").derivedFrom("memory");
  public static final Setting<String> CACHE = string("CACHE", null, "the cache adapter").derivedFrom("memory");
  public static final Setting<Long> CACHE_MAX_BYTES = longValue("CACHE_MAX_BYTES", "67108864", "the most the memory cache holds");
  public static final Setting<Optional<Limit>> RATE_LIMIT_PER_USER = rate("RATE_LIMIT_PER_USER", "300/1m", "token bucket per signed-in person");
  public static final Setting<Optional<Limit>> RATE_LIMIT_PER_IP = rate("RATE_LIMIT_PER_IP", "600/1m", "token bucket per client address");
  public static final Setting<Optional<Limit>> RATE_LIMIT_PER_PEER = rate("RATE_LIMIT_PER_PEER", "6000/1m", "token bucket per address the front end saw");
  public static final Setting<Optional<Limit>> SHARE_RATE_LIMIT_PER_IP = rate("SHARE_RATE_LIMIT_PER_IP", "120/1m", "token bucket per client address on the public share-link routes");
  public static final Setting<Optional<Limit>> SHARE_UNLOCK_LIMIT_PER_IP = rate("SHARE_UNLOCK_LIMIT_PER_IP", "10/1m", "password tries per client address on share links");
  public static final Setting<Optional<Limit>> SHARE_UNLOCK_LIMIT_PER_LINK = rate("SHARE_UNLOCK_LIMIT_PER_LINK", "20/15m", "password tries per share link, from any address");
  public static final Setting<Optional<Limit>> CALENDAR_FEED_LIMIT_PER_IP = rate("CALENDAR_FEED_LIMIT_PER_IP", "60/1m", "token bucket per client address on the public calendar feed");
  public static final Setting<Integer> TRUSTED_PROXY_HOPS = integer("TRUSTED_PROXY_HOPS", "1", "how many proxies append to X-Forwarded-For after the client");
  public static final Setting<Long> MAX_BODY_BYTES = longValue("MAX_BODY_BYTES", "1048576", "the largest JSON body accepted");
  public static final Setting<Duration> INVITATION_TTL = duration("INVITATION_TTL", "168h", "how long an invitation stays open");

  // Outbound webhooks
  public static final Setting<Integer> HOOK_MAX_ATTEMPTS = integer("HOOK_MAX_ATTEMPTS", "8", "tries of one webhook message before it is marked failed");
  public static final Setting<Duration> HOOK_MIN_BACKOFF = duration("HOOK_MIN_BACKOFF", "5s", "the wait before a webhook message's first retry (doubling after)");
  public static final Setting<Duration> HOOK_MAX_BACKOFF = duration("HOOK_MAX_BACKOFF", "1h", "the longest wait between tries of a webhook message");
  public static final Setting<Duration> HOOK_TIMEOUT = duration("HOOK_TIMEOUT", "15s", "the wait for a webhook receiver's answer, connection included");
  public static final Setting<Duration> HOOK_SECRET_GRACE = duration("HOOK_SECRET_GRACE", "24h", "how long a rotated-out webhook secret still signs");
  public static final Setting<Integer> HOOK_DISABLE_AFTER = integer("HOOK_DISABLE_AFTER", "20", "failed webhook messages in a row that switch the hook off; 0 never");
  public static final Setting<Boolean> HOOKS_ALLOW_HTTP_LOOPBACK = bool("HOOKS_ALLOW_HTTP_LOOPBACK", "false", "let a webhook use plain http to loopback");

  // Publishing connectors
  public static final Setting<Integer> PUBLISH_MAX_ATTEMPTS = integer("PUBLISH_MAX_ATTEMPTS", "6", "tries of one publication (server errors, timeouts) before it is marked failed");
  public static final Setting<Duration> PUBLISH_MIN_BACKOFF = duration("PUBLISH_MIN_BACKOFF", "30s", "the wait before a publication's first retry (doubling after)");
  public static final Setting<Duration> PUBLISH_MAX_BACKOFF = duration("PUBLISH_MAX_BACKOFF", "30m", "the longest wait between tries of a publication");
  public static final Setting<Duration> PUBLISH_TIMEOUT = duration("PUBLISH_TIMEOUT", "30s", "the wait for one call to a publishing target, connection included");
  public static final Setting<Boolean> PUBLISH_ALLOW_HTTP_LOOPBACK = bool("PUBLISH_ALLOW_HTTP_LOOPBACK", "false", "let a publishing connection use plain http to loopback");

  // Mail and the web app's address
  public static final Setting<Duration> EXPORT_KEEP = duration("EXPORT_KEEP", "24h", "how long a file built in the background is kept before it is deleted");
  public static final Setting<Duration> EXPORT_LINK_TTL = duration("EXPORT_LINK_TTL", "15m", "how long a signed download link of a background export works");
  public static final Setting<Integer> EXPORT_BACKGROUND_ROWS = integer("EXPORT_BACKGROUND_ROWS", "500", "a run with more rows than this is exported in the background by the web app");
  public static final Setting<String> APP_URL = string("APP_URL", null, "the web app's address, for links in e-mails").derivedFrom("http://$HOST:$PORT");
  public static final Setting<String> SECRETS = string("SECRETS", "keyfile", "the secrets adapter: keyfile or secretmanager");
  public static final Setting<Path> SECRETS_DIR = path("SECRETS_DIR", null, "the folder of the encrypted key file and its key").derivedFrom("$DATA_DIR/secrets");
  public static final Setting<String> MAILER = string("MAILER", "outbox", "the mail adapter: outbox or smtp");
  public static final Setting<Path> OUTBOX_DIR = path("OUTBOX_DIR", null, "the folder of the development outbox").derivedFrom("$DATA_DIR/outbox");
  public static final Setting<String> MAIL_FROM = string("MAIL_FROM", "Content Creator <no-reply@localhost>", "the sender of every e-mail");
  public static final Setting<String> SMTP_HOST = string("SMTP_HOST", null, "the SMTP server of MAILER=smtp");
  public static final Setting<Integer> SMTP_PORT = integer("SMTP_PORT", "587", "the SMTP server's port");
  public static final Setting<String> SMTP_SECURITY = string("SMTP_SECURITY", "starttls", "starttls (required), tls (from the first byte) or none");
  public static final Setting<String> SMTP_USER = string("SMTP_USER", null, "the SMTP login, if the server asks for one");
  public static final Setting<String> SMTP_PASSWORD = string("SMTP_PASSWORD", null, "the SMTP password");
  public static final Setting<Duration> SMTP_TIMEOUT = duration("SMTP_TIMEOUT", "30s", "how long connecting to and talking with the SMTP server may take");

  // Providers
  public static final Setting<String> OPENAI_API_KEY = string("OPENAI_API_KEY", null, "turns the OpenAI provider and moderator on");
  public static final Setting<String> OPENAI_BASE_URL = string("OPENAI_BASE_URL", null, "any OpenAI-compatible server");
  public static final Setting<Duration> OPENAI_TIMEOUT = duration("OPENAI_TIMEOUT", "60s", "how long one OpenAI call may take");
  public static final Setting<List<String>> OPENAI_TEXT_MODELS = list("OPENAI_TEXT_MODELS", "gpt-4o-mini,gpt-4o,gpt-4.1-mini,gpt-4.1", "text models offered; the first is the default");
  public static final Setting<List<String>> OPENAI_IMAGE_MODELS = list("OPENAI_IMAGE_MODELS", "gpt-image-1,dall-e-3", "image models offered; the first is the default");
  public static final Setting<String> OPENAI_MODERATION_MODEL = string("OPENAI_MODERATION_MODEL", "omni-moderation-latest", "the model that checks prompts");
  public static final Setting<Boolean> MODERATION = bool("MODERATION", "true", "check each prompt with OpenAI's moderation");
  public static final Setting<String> ANTHROPIC_API_KEY = string("ANTHROPIC_API_KEY", null, "turns the Anthropic text provider on");
  public static final Setting<String> ANTHROPIC_BASE_URL = string("ANTHROPIC_BASE_URL", null, "another address for Anthropic's Messages API");
  public static final Setting<Duration> ANTHROPIC_TIMEOUT = duration("ANTHROPIC_TIMEOUT", "60s", "how long one Anthropic call may take");
  public static final Setting<List<String>> ANTHROPIC_TEXT_MODELS = list("ANTHROPIC_TEXT_MODELS", "claude-sonnet-4-5,claude-haiku-4-5,claude-opus-4-1", "Anthropic text models offered; the first is the default");
  public static final Setting<String> GEMINI_API_KEY = string("GEMINI_API_KEY", null, "turns the Gemini text and image provider on");
  public static final Setting<String> GEMINI_BASE_URL = string("GEMINI_BASE_URL", null, "another address for the Gemini API");
  public static final Setting<Duration> GEMINI_TIMEOUT = duration("GEMINI_TIMEOUT", "60s", "how long one Gemini call may take");
  public static final Setting<List<String>> GEMINI_TEXT_MODELS = list("GEMINI_TEXT_MODELS", "gemini-2.5-flash,gemini-2.5-pro", "Gemini text models offered; the first is the default");
  public static final Setting<List<String>> GEMINI_IMAGE_MODELS = list("GEMINI_IMAGE_MODELS", "gemini-2.5-flash-image", "Gemini image models offered; the first is the default");
  public static final Setting<List<String>> TEXT_PROVIDERS = list("TEXT_PROVIDERS", null, "the text providers in order of preference; an item whose provider's circuit is open goes to the next");
  public static final Setting<List<String>> IMAGE_PROVIDERS = list("IMAGE_PROVIDERS", null, "the image providers in order of preference, the same way");
  public static final Setting<String> GOAPI_API_KEY = string("GOAPI_API_KEY", null, "turns GoAPI on");
  public static final Setting<String> GOAPI_BASE_URL = string("GOAPI_BASE_URL", null, "another address for GoAPI's task API");
  public static final Setting<Duration> GOAPI_TIMEOUT = duration("GOAPI_TIMEOUT", "30s", "how long one GoAPI call may take");
  public static final Setting<String> GOAPI_SERVICE_MODE = string("GOAPI_SERVICE_MODE", null, "public or private, passed to GoAPI");
  public static final Setting<String> GOAPI_WEBHOOK_SECRET = string("GOAPI_WEBHOOK_SECRET", null, "the secret GoAPI sends back in x-webhook-secret");
  public static final Setting<String> PUBLIC_BASE_URL = string("PUBLIC_BASE_URL", null, "the address providers can reach this server at");
  public static final Setting<Duration> WEBHOOK_MAX_AGE = duration("WEBHOOK_MAX_AGE", "30m", "how long a signed callback address is accepted");
  public static final Setting<Duration> WEBHOOK_TOLERANCE = duration("WEBHOOK_TOLERANCE", "5m", "how far a webhook's timestamp may be from now");
  public static final Setting<String> PROVIDER_POLICY = string("PROVIDER_POLICY", "failsafe", "the adapter that guards provider calls");
  public static final Setting<Duration> DEMO_CHUNK_DELAY = duration("DEMO_CHUNK_DELAY", "30ms", "the offline demo's pause between streamed chunks");
  public static final Setting<Duration> DEMO_LATENCY = duration("DEMO_LATENCY", "0", "a fixed delay per demo call");
  public static final Setting<Double> DEMO_FAILURE_RATE = decimal("DEMO_FAILURE_RATE", "0", "the share of demo calls that fail as transient");

  // Generation
  public static final Setting<Integer> GENERATION_MAX_ITEMS = integer("GENERATION_MAX_ITEMS", "100", "items one job may ask for");
  public static final Setting<Integer> GENERATION_MAX_PROMPT = integer("GENERATION_MAX_PROMPT", "4000", "characters a prompt may have");
  public static final Setting<Integer> GENERATION_MAX_OUTPUT_TOKENS = integer("GENERATION_MAX_OUTPUT_TOKENS", "4096", "the output cap of a text request without maxTokens");
  public static final Setting<Duration> GENERATION_ITEM_LEASE = duration("GENERATION_ITEM_LEASE", "60s", "how long a claim on an item lasts");
  public static final Setting<Integer> GENERATION_CONCURRENCY = integer("GENERATION_CONCURRENCY", "32", "provider calls the generation queue runs at once");
  public static final Setting<Integer> GENERATION_MAX_ATTEMPTS = integer("GENERATION_MAX_ATTEMPTS", "11", "tries of one item before it fails");
  public static final Setting<Duration> GENERATION_MIN_BACKOFF = duration("GENERATION_MIN_BACKOFF", "100ms", "the queue's shortest wait between tries of an item");
  public static final Setting<Duration> GENERATION_MAX_BACKOFF = duration("GENERATION_MAX_BACKOFF", "60s", "the queue's longest wait between tries of an item");
  public static final Setting<Duration> GENERATION_POLL_INTERVAL = duration("GENERATION_POLL_INTERVAL", "10s", "how often a GoAPI task is polled");
  public static final Setting<Duration> GENERATION_ASYNC_DEADLINE = duration("GENERATION_ASYNC_DEADLINE", "20m", "after this an unfinished GoAPI task fails");
  public static final Setting<Duration> GENERATION_CACHE_TTL = duration("GENERATION_CACHE_TTL", "7d", "how long an identical request is answered from the cache");
  public static final Setting<Integer> STREAM_MAX_PER_PERSON = integer("STREAM_MAX_PER_PERSON", "6", "live job streams one person may hold open");
  public static final Setting<Duration> STREAM_MAX_DURATION = duration("STREAM_MAX_DURATION", "50s", "how long one live stream lasts");
  public static final Setting<Duration> STREAM_CHECK_INTERVAL = duration("STREAM_CHECK_INTERVAL", "5s", "how often a live stream reads the job for changes");
  public static final Setting<Duration> STREAM_RETRY = duration("STREAM_RETRY", "1s", "the reconnect delay a live stream asks for");
  public static final Setting<Integer> PURGE_PAGE_SIZE = integer("PURGE_PAGE_SIZE", "200", "documents or blobs one purge task deletes");
  public static final Setting<Duration> PURGE_PAGE_DELAY = duration("PURGE_PAGE_DELAY", "0s", "pause between purge pages");

  // Media
  public static final Setting<String> MEDIA_PROCESSOR = string("MEDIA_PROCESSOR", "default", "the media processing adapter");
  public static final Setting<Long> MEDIA_MAX_UPLOAD_BYTES = longValue("MEDIA_MAX_UPLOAD_BYTES", "104857600", "the largest upload");
  public static final Setting<Long> MEDIA_MAX_IMAGE_BYTES = longValue("MEDIA_MAX_IMAGE_BYTES", "33554432", "the largest image accepted");
  public static final Setting<Long> MEDIA_MAX_VIDEO_BYTES = longValue("MEDIA_MAX_VIDEO_BYTES", "268435456", "the largest video accepted");
  public static final Setting<Long> MEDIA_MAX_PIXELS = longValue("MEDIA_MAX_PIXELS", "50000000", "the most pixels an image header may declare");
  public static final Setting<Boolean> MEDIA_WEBP = bool("MEDIA_WEBP", "true", "write web versions and thumbnails as WebP");
  public static final Setting<Integer> MEDIA_WEBP_METHOD = integer("MEDIA_WEBP_METHOD", "2",
      "libwebp's method, 0 (fastest) to 6 (smallest files)");
  public static final Setting<Integer> MEDIA_ENCODE_THREADS = integer("MEDIA_ENCODE_THREADS", "0",
      "threads encoding one image's renditions at once (0: the processors, at most 3)");
  public static final Setting<String> MEDIA_HOST_ALLOWLIST = string("MEDIA_HOST_ALLOWLIST",
      "img.theapi.app,storage.theapi.app,oaidalleapiprodscus.blob.core.windows.net", "hosts media may be imported from by URL");
  public static final Setting<Long> MEDIA_FETCH_MAX_BYTES = longValue("MEDIA_FETCH_MAX_BYTES", "209715200", "the largest body imported by URL");
  public static final Setting<Duration> MEDIA_FETCH_CONNECT_TIMEOUT = duration("MEDIA_FETCH_CONNECT_TIMEOUT", "10s", "the wait for one connection of an import");
  public static final Setting<Duration> MEDIA_FETCH_TIMEOUT = duration("MEDIA_FETCH_TIMEOUT", "60s", "the wait for a whole import by URL");
  public static final Setting<Integer> MEDIA_FETCH_MAX_REDIRECTS = integer("MEDIA_FETCH_MAX_REDIRECTS", "3", "redirects followed on an import by URL");
  public static final Setting<Boolean> MEDIA_ALLOW_HTTP_LOOPBACK = bool("MEDIA_ALLOW_HTTP_LOOPBACK", "false", "let an import use plain http to loopback");

  // The provider guard
  public static final Setting<Integer> GUARD_ATTEMPTS = integer("GUARD_ATTEMPTS", "1", "tries of one provider call within a task (more hold the task's slot while they wait; the queue's tries do not)");
  public static final Setting<Duration> GUARD_MIN_BACKOFF = duration("GUARD_MIN_BACKOFF", "500ms", "the shortest wait between those tries");
  public static final Setting<Duration> GUARD_MAX_BACKOFF = duration("GUARD_MAX_BACKOFF", "30s", "the longest wait between those tries");
  public static final Setting<Duration> GUARD_TIMEOUT = duration("GUARD_TIMEOUT", "120s", "the longest one provider call may take");
  public static final Setting<Integer> GUARD_BREAKER_FAILURE_RATE = integer("GUARD_BREAKER_FAILURE_RATE", "50", "the failure percentage that opens a provider's circuit (0: count failures instead)");
  public static final Setting<Integer> GUARD_BREAKER_MIN_CALLS = integer("GUARD_BREAKER_MIN_CALLS", "20", "the calls in the window before the rate counts");
  public static final Setting<Duration> GUARD_BREAKER_WINDOW = duration("GUARD_BREAKER_WINDOW", "60s", "the window the failures are counted in");
  public static final Setting<Integer> GUARD_BREAKER_FAILURES = integer("GUARD_BREAKER_FAILURES", "5", "failures in the window that open the circuit when the rate is 0");
  public static final Setting<Duration> GUARD_BREAKER_DELAY = duration("GUARD_BREAKER_DELAY", "30s", "how long a circuit stays open");
  public static final Setting<Integer> GUARD_BREAKER_SUCCESSES = integer("GUARD_BREAKER_SUCCESSES", "2", "the trial calls that close it");
  public static final Setting<Integer> GUARD_BULKHEAD = integer("GUARD_BULKHEAD", null, "calls at once to one provider").derivedFrom("GENERATION_CONCURRENCY");

  // Usage
  public static final Setting<Long> QUOTA_TOKENS_PER_MONTH = longValue("QUOTA_TOKENS_PER_MONTH", "2000000", "each person's monthly tokens");
  public static final Setting<Long> QUOTA_IMAGES_PER_MONTH = longValue("QUOTA_IMAGES_PER_MONTH", "500", "each person's monthly images");
  public static final Setting<Long> QUOTA_VIDEO_SECONDS_PER_MONTH = longValue("QUOTA_VIDEO_SECONDS_PER_MONTH", "300", "each person's monthly video seconds");
  public static final Setting<Double> PRICE_INPUT_TOKEN_MICROS = decimal("PRICE_INPUT_TOKEN_MICROS", "0.15", "the price of an input token");
  public static final Setting<Double> PRICE_OUTPUT_TOKEN_MICROS = decimal("PRICE_OUTPUT_TOKEN_MICROS", "0.6", "the price of an output token");
  public static final Setting<Long> PRICE_IMAGE_MICROS = longValue("PRICE_IMAGE_MICROS", "40000", "the price of an image");
  public static final Setting<String> PRICE_TABLE = string("PRICE_TABLE", null, "JSON prices per model that replace the built-in ones (see Budgets); the PRICE_* settings price models in neither");
  public static final Setting<Long> PRICE_VIDEO_SECOND_MICROS = longValue("PRICE_VIDEO_SECOND_MICROS", "100000", "the price of a second of video");

  // Brand knowledge
  public static final Setting<String> VECTORS = string("VECTORS", null, "the vectors adapter of brand knowledge: sqlite or firestore; unset, firestore when DOCUMENTS is, else sqlite");
  public static final Setting<String> EMBEDDER = string("EMBEDDER", "offline", "what embeds brand knowledge: offline (a small model in a jar) or openai");
  public static final Setting<String> OPENAI_EMBEDDING_MODEL = string("OPENAI_EMBEDDING_MODEL", "text-embedding-3-small", "the OpenAI embeddings model of EMBEDDER=openai");
  public static final Setting<Integer> EMBEDDING_DIMENSIONS = integer("EMBEDDING_DIMENSIONS", "384", "the dimension OpenAI embeddings are asked for (EMBEDDER=openai)");
  public static final Setting<Long> KNOWLEDGE_MAX_UPLOAD_BYTES = longValue("KNOWLEDGE_MAX_UPLOAD_BYTES", "10485760", "the largest document a project may add to its brand knowledge");
  public static final Setting<Integer> KNOWLEDGE_INLINE_PASSAGES = integer("KNOWLEDGE_INLINE_PASSAGES", "40", "documents of up to this many passages are indexed in the request; larger ones in the background");
  public static final Setting<Integer> KNOWLEDGE_MAX_PASSAGES = integer("KNOWLEDGE_MAX_PASSAGES", "5000", "the most passages one document may have");
  public static final Setting<Integer> KNOWLEDGE_TOP_K = integer("KNOWLEDGE_TOP_K", "5", "how many passages a generation with brand knowledge takes");

  // Health
  public static final Setting<String> APP_VERSION = string("APP_VERSION", null, "the version /api/health reports").derivedFrom("dev");

  private static final List<Setting<?>> ALL = collect();

  /** Every setting, in the order declared. */
  public static List<Setting<?>> all() {
    return ALL;
  }

  /** The setting of this name, if the catalog declares one. */
  public static Optional<Setting<?>> named(String name) {
    return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  private static List<Setting<?>> collect() {
    List<Setting<?>> found = new ArrayList<>();
    for (Field f : Settings.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == Setting.class) {
        try {
          Setting<?> s = (Setting<?>) f.get(null);
          if (!s.name().equals(f.getName())) {
            throw new IllegalStateException("the field " + f.getName() + " declares the setting " + s.name());
          }
          found.add(s);
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return Collections.unmodifiableList(found);
  }
}
