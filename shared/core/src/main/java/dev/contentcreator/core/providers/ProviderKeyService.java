package dev.contentcreator.core.providers;

import dev.contentcreator.core.activity.ActivityAction;
import dev.contentcreator.core.activity.ActivityLog;
import dev.contentcreator.core.activity.Actor;
import dev.contentcreator.core.activity.Target;
import dev.contentcreator.core.domain.Member;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.log.Log;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.Secrets;
import dev.contentcreator.core.projects.ProjectService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A project's own API keys for providers, brought by its owners: kept in the secrets port (never in
 * documents, never in logs, never returned), used for the project's items before the server's own
 * key. Owners set, replace and remove them and see only whether one is set and its last four
 * characters; every change is in the project's activity log without the key.
 */
public final class ProviderKeyService {
  /** The providers whose adapters take a project's own key. */
  public static final List<String> PROVIDERS = List.of("anthropic", "gemini", "openai");
  static final int KEY_MIN = 8;
  static final int KEY_MAX = 512;

  private final DocumentStore documents;
  private final ProjectService projects;
  private final Supplier<Secrets> secrets;
  private final Clock clock;
  private final Predicate<String> enabled;

  /**
   * @param enabled whether the server has a provider on (its own key set): a project's key is only
   *     used for a provider the server offers
   */
  public ProviderKeyService(DocumentStore documents, ProjectService projects, Supplier<Secrets> secrets, Clock clock,
      Predicate<String> enabled) {
    this.documents = Objects.requireNonNull(documents, "documents");
    this.projects = Objects.requireNonNull(projects, "projects");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.enabled = Objects.requireNonNull(enabled, "enabled");
  }

  /**
   * Whether a provider's key is set for the project, and its last four characters (never the key);
   * {@code enabled} says whether this server offers the provider, without which a key is kept but
   * not used.
   */
  public record KeyView(String provider, boolean set, String last4, boolean enabled) {}

  /** Each provider that takes a project's key, and whether the project has one; owners only. */
  public List<KeyView> list(String uid, String projectId) {
    projects.requireRole(uid, projectId, Role.OWNER);
    List<KeyView> out = new ArrayList<>();
    for (String provider : PROVIDERS) {
      out.add(view(provider, read(projectId, provider)));
    }
    return out;
  }

  /** Sets or replaces the project's key for the provider; owners only. */
  public KeyView set(String uid, String projectId, String provider, String key) {
    Member me = projects.requireRole(uid, projectId, Role.OWNER);
    String known = known(provider);
    String trimmed = checkKey(key);
    try {
      secrets.get().put(name(projectId, known), trimmed);
    } catch (IOException e) {
      throw unavailable(e);
    }
    ActivityLog.record(documents, projectId, clock.instant(), Actor.of(me), ActivityAction.PROVIDER_KEY_SET,
        Target.of("provider", known, known), Map.of("last4", last4(trimmed)));
    return view(known, Optional.of(trimmed));
  }

  /** Removes the project's key for the provider, if it has one; owners only. */
  public void remove(String uid, String projectId, String provider) {
    Member me = projects.requireRole(uid, projectId, Role.OWNER);
    String known = known(provider);
    boolean had = read(projectId, known).isPresent();
    try {
      secrets.get().delete(name(projectId, known));
    } catch (IOException e) {
      throw unavailable(e);
    }
    if (had) {
      ActivityLog.record(documents, projectId, clock.instant(), Actor.of(me), ActivityAction.PROVIDER_KEY_REMOVED,
          Target.of("provider", known, known), Map.of());
    }
  }

  /**
   * The project's own key for the provider, for its items' calls. A store that cannot be read fails
   * the call (the queue tries again) rather than charge the server's key in the project's place.
   */
  public Optional<String> find(String projectId, String provider) {
    if (!PROVIDERS.contains(provider)) {
      return Optional.empty();
    }
    try {
      return secrets.get().get(name(projectId, provider));
    } catch (IOException e) {
      throw new UncheckedIOException("the project's own " + provider + " key could not be read", e);
    }
  }

  /** Forgets every key of a project, when it is deleted. */
  public void forget(String projectId) throws IOException {
    for (String provider : PROVIDERS) {
      secrets.get().delete(name(projectId, provider));
    }
  }

  private Optional<String> read(String projectId, String provider) {
    try {
      return secrets.get().get(name(projectId, provider));
    } catch (IOException e) {
      throw unavailable(e);
    }
  }

  /** The secret's name: {@code project-<projectId>-<provider>}, which production's IAM scopes to. */
  static String name(String projectId, String provider) {
    return Secrets.checkName("project-" + projectId + "-" + provider);
  }

  private static String known(String provider) {
    if (provider == null || !PROVIDERS.contains(provider)) {
      throw ApiException.notFound("No such provider takes a project's own key; known: " + String.join(", ", PROVIDERS)
          + ".");
    }
    return provider;
  }

  private static String checkKey(String key) {
    String trimmed = key == null ? "" : key.strip();
    if (trimmed.length() < KEY_MIN || trimmed.length() > KEY_MAX) {
      throw ApiException.badRequest("key", "must be " + KEY_MIN + " to " + KEY_MAX + " characters");
    }
    if (!trimmed.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
      throw ApiException.badRequest("key", "must be visible ASCII characters without spaces, as providers' keys are");
    }
    return trimmed;
  }

  private KeyView view(String provider, Optional<String> key) {
    return new KeyView(provider, key.isPresent(), key.map(ProviderKeyService::last4).orElse(null),
        enabled.test(provider));
  }

  private static String last4(String key) {
    return key.substring(Math.max(0, key.length() - 4));
  }

  private static ApiException unavailable(IOException e) {
    Log.error("the secrets store failed", e);
    return ApiException.of(503, "secrets-unavailable", "Keys cannot be reached",
        "The store of projects' keys is not answering; try again in a moment.");
  }
}
