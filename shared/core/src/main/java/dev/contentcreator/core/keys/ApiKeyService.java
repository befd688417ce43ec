package dev.contentcreator.core.keys;

import dev.contentcreator.core.domain.Ids;
import dev.contentcreator.core.domain.Member;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.domain.Secrets;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.ApiKeyCheck;
import dev.contentcreator.core.http.Caller;
import dev.contentcreator.core.http.KeyScope;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.log.Log;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.projects.ProjectService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API keys ({@code apikeys/<id>}): a person makes a key for one of their projects, or for all of
 * them, with a role and an expiry; the key ({@link ApiKeyFormat}) is shown once and only the
 * SHA-256 of its secret is kept. The gateway lets a key sign requests as its person
 * ({@link #check}), held to its project and capped at its role ({@link KeyScope}), with the
 * person's rate limits and usage.
 *
 * <p>A key's role is at most the person's role in its project when it is made; a key for all
 * projects may have any role, since in each project it acts with the lower of its role and the
 * person's there (so a person who is demoted takes their keys down with them). A key ends at
 * {@code expiresAt} (default {@link #DEFAULT_TTL}, at most {@link #MAX_TTL}) or when revoked, at
 * once: every request checks the key in the store. Its last use is written at most once per
 * {@link #TOUCH_EVERY}, not on every request.
 */
public final class ApiKeyService implements ApiKeyCheck {
  public static final String KEYS = "apikeys";
  public static final Duration DEFAULT_TTL = Duration.ofDays(90);
  public static final Duration MAX_TTL = Duration.ofDays(365);
  public static final Duration MIN_TTL = Duration.ofHours(1);
  /** How often the last use of a key is written at most. */
  public static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
  /** The most keys a person may have that are neither revoked nor expired. */
  public static final int MAX_ACTIVE = 25;
  /** The most keys a list shows (revoked and expired ones included). */
  /** The most keys kept per person, in use or ended; older ended ones make room ({@link #forgetEnded}). */
  public static final int MAX_LISTED = 200;
  public static final int MAX_NAME = 100;
  /** The most keys whose last write this instance remembers. */
  private static final int MAX_REMEMBERED = 10_000;

  private final DocumentStore documents;
  private final ProjectService projects;
  private final Clock clock;
  /** When this instance last wrote each key's last use, so a busy key costs one write a minute. */
  private final ConcurrentHashMap<String, Instant> touched = new ConcurrentHashMap<>();

  public ApiKeyService(DocumentStore documents, ProjectService projects, Clock clock) {
    this.documents = Objects.requireNonNull(documents, "documents");
    this.projects = Objects.requireNonNull(projects, "projects");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * What a person asks for: a {@code name}, a project ({@code projectId}, null for all of theirs),
   * a {@code role} and an expiry: {@code expiresAt}, or else {@code ttl} from now, or else the default
   * (either may be null).
   */
  public record Request(String name, String projectId, Role role, Instant expiresAt, Duration ttl) {
    public Request {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(role, "role");
    }
  }

  /** Makes a key for {@code caller}; the answer carries the whole key, this once. */
  public IssuedApiKey create(Caller caller, Request req) {
    Instant now = clock.instant();
    Instant expiresAt = req.expiresAt() != null ? req.expiresAt()
        : now.plus(req.ttl() != null ? req.ttl() : DEFAULT_TTL);
    if (expiresAt.isBefore(now.plus(MIN_TTL)) || expiresAt.isAfter(now.plus(MAX_TTL))) {
      throw ApiException.unprocessable("expiresAt", "must be between 1 hour and 365 days from now");
    }
    if (req.projectId() != null) {
      Member me = projects.requireRole(caller.uid(), req.projectId(), Role.VIEWER);
      if (!me.role().atLeast(req.role())) {
        throw ApiException.forbidden("A key cannot have a higher role than yours: you are "
            + (me.role() == Role.EDITOR ? "an " : "a ") + me.role().wireName() + " of this project.");
      }
    }
    List<ApiKey> stored = keysOf(caller.uid());
    long active = stored.stream().filter(k -> k.isActive(now)).count();
    if (active >= MAX_ACTIVE) {
      throw ApiException.conflict("You have " + MAX_ACTIVE + " keys in use, the most one person may have; "
          + "revoke one first.");
    }
    forgetEnded(stored, now);
    String id = Ids.newId();
    String secret = Secrets.newSecret();
    ApiKey key = new ApiKey(id, caller.uid(), req.name(), req.projectId(), req.role().wireName(),
        Secrets.hash(secret), caller.email(), caller.name(), now, expiresAt, null, null);
    documents.create(KEYS, id, Json.toTree(key).getAsJsonObject());
    Log.info("API key " + id + " made by " + caller.uid());
    return new IssuedApiKey(ApiKeyView.of(key, now), ApiKeyFormat.format(id, secret));
  }

  /**
   * Keeps a person's stored keys under {@link #MAX_LISTED}, so every list and count reads them all:
   * when one more would reach it, the keys that ended (revoked or expired) longest ago are deleted.
   * At most {@link #MAX_ACTIVE} are in use, so there are always ended ones to delete.
   */
  private void forgetEnded(List<ApiKey> stored, Instant now) {
    int over = stored.size() + 1 - (MAX_LISTED - 1);
    if (over <= 0) {
      return;
    }
    stored.stream().filter(k -> !k.isActive(now))
        .sorted(Comparator.comparing((ApiKey k) -> k.revokedAt() != null && k.revokedAt().isBefore(k.expiresAt())
            ? k.revokedAt() : k.expiresAt()).thenComparing(ApiKey::id))
        .limit(over).forEach(k -> documents.delete(KEYS, k.id()));
  }

  /** The person's keys, newest first, with their last use; never a secret. */
  public List<ApiKeyView> list(String uid) {
    Instant now = clock.instant();
    return keysOf(uid).stream().sorted(Comparator.comparing(ApiKey::createdAt).reversed()
        .thenComparing(ApiKey::id)).map(k -> ApiKeyView.of(k, now)).toList();
  }

  /** Ends one of the person's keys at once; revoking twice changes nothing. Another's key is 404. */
  public ApiKeyView revoke(String uid, String keyId) {
    if (!Ids.isWellFormed(keyId)) {
      throw noSuchKey();
    }
    ApiKey k = documents.transaction(tx -> {
      ApiKey found = tx.get(KEYS, keyId).map(ApiKeyService::key).filter(x -> x.uid().equals(uid))
          .orElseThrow(ApiKeyService::noSuchKey);
      if (found.revokedAt() != null) {
        return found;
      }
      ApiKey revoked = found.revoked(clock.instant());
      tx.set(KEYS, keyId, Json.toTree(revoked).getAsJsonObject());
      return revoked;
    });
    touched.remove(keyId);
    Log.info("API key " + keyId + " revoked by " + uid);
    return ApiKeyView.of(k, clock.instant());
  }

  /**
   * The person {@code key} speaks for, with its scope; empty for a key that is malformed, unknown,
   * wrong, revoked or expired. One read; a write of its last use at most once a minute.
   */
  @Override
  public Optional<Caller> check(String key) {
    Optional<ApiKeyFormat.Parts> parts = ApiKeyFormat.parse(key);
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    String id = parts.get().id();
    Optional<ApiKey> found = documents.get(KEYS, id).map(ApiKeyService::key);
    Instant now = clock.instant();
    if (found.isEmpty() || !Secrets.matches(parts.get().secret(), found.get().secretHash())
        || !found.get().isActive(now)) {
      return Optional.empty();
    }
    ApiKey k = found.get();
    touch(k, now);
    return Optional.of(new Caller(k.uid(), k.email(), k.displayName(), null, false,
        new KeyScope(k.id(), k.projectId(), k.roleValue())));
  }

  /** Writes the key's last use when the stored one is a minute old or more; a failure only logs. */
  private void touch(ApiKey k, Instant now) {
    Instant last = touched.get(k.id());
    if (last != null && last.plus(TOUCH_EVERY).isAfter(now)
        || k.lastUsedAt() != null && k.lastUsedAt().plus(TOUCH_EVERY).isAfter(now)) {
      return;
    }
    if (touched.size() >= MAX_REMEMBERED) {
      touched.clear(); // a few extra writes, never an unbounded map
    }
    touched.put(k.id(), now);
    try {
      documents.transaction(tx -> {
        // Read again inside the transaction: a revocation meanwhile must not be written over.
        tx.get(KEYS, k.id()).map(ApiKeyService::key).filter(x -> x.revokedAt() == null)
            .filter(x -> x.lastUsedAt() == null || !x.lastUsedAt().plus(TOUCH_EVERY).isAfter(now))
            .ifPresent(x -> tx.set(KEYS, k.id(), Json.toTree(x.used(now)).getAsJsonObject()));
        return null;
      });
    } catch (RuntimeException e) {
      Log.warning("could not write the last use of API key " + k.id(), e);
    }
  }

  private List<ApiKey> keysOf(String uid) {
    return documents.query(Query.on(KEYS).whereEqualTo("uid", uid).limit(MAX_LISTED).build()).items().stream()
        .map(ApiKeyService::key).toList();
  }

  static ApiKey key(Document d) {
    return Json.fromTree(d.data(), ApiKey.class);
  }

  private static ApiException noSuchKey() {
    return ApiException.notFound("You have no API key with this id.");
  }
}
