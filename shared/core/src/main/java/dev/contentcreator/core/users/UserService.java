package dev.contentcreator.core.users;

import com.google.gson.JsonObject;
import dev.contentcreator.core.domain.Emails;
import dev.contentcreator.core.domain.User;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.http.Caller;
import dev.contentcreator.core.http.Etags;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.Query;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * People: their record is made the first time their token is seen and kept in step with the
 * e-mail address the token carries. Records live in the {@code users} collection, keyed by uid.
 */
public final class UserService {
  public static final String COLLECTION = "users";
  private static final int SEEN_CACHE = 10_000;

  private final DocumentStore documents;
  private final Clock clock;
  /** uid -> e-mail (and whether verified) of callers whose record is known to be up to date, to skip a read per request. */
  private final Map<String, String> seen = new LinkedHashMap<>(256, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > SEEN_CACHE;
    }
  };

  public UserService(DocumentStore documents, Clock clock) {
    this.documents = Objects.requireNonNull(documents, "documents");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Makes sure the caller has a record whose e-mail, and whether it is verified, match the token's;
   * cheap when they do: remembered in this process, else one read and no transaction.
   */
  public void ensure(Caller caller) {
    String email = normaliseEmail(caller.email());
    String key = (caller.emailVerified() ? "verified " : "unverified ") + email;
    synchronized (seen) {
      if (seen.containsKey(caller.uid()) && Objects.equals(seen.get(caller.uid()), key)) {
        return;
      }
    }
    // A plain read first: a record that already matches (every sign-in but the first, and the first
    // request of every new instance) needs no transaction, which on Firestore is two more round trips.
    boolean current = documents.get(COLLECTION, caller.uid()).map(UserService::fromDocument)
        .filter(u -> Objects.equals(u.email(), email) && u.emailVerified() == caller.emailVerified()).isPresent();
    if (!current) {
      write(caller, email);
    }
    synchronized (seen) {
      seen.put(caller.uid(), key);
    }
  }

  private void write(Caller caller, String email) {
    documents.transaction(tx -> {
      Optional<Document> existing = tx.get(COLLECTION, caller.uid());
      Instant now = clock.instant();
      if (existing.isEmpty()) {
        User user = new User(caller.uid(), email, caller.name(), caller.picture(), now, now, 1,
            caller.emailVerified(), null);
        tx.set(COLLECTION, caller.uid(), toDocument(user));
      } else {
        User user = fromDocument(existing.get());
        if (!Objects.equals(user.email(), email) || user.emailVerified() != caller.emailVerified()) {
          tx.set(COLLECTION, caller.uid(), toDocument(new User(user.uid(), email, user.displayName(),
              user.photoUrl(), user.createdAt(), now, user.version() + 1, caller.emailVerified(),
              user.emailNotifications())));
        }
      }
      return null;
    });
  }

  /** The person's record as the API shows it. */
  public UserView get(String uid) {
    return documents.get(COLLECTION, uid).map(UserService::fromDocument).map(UserView::of)
        .orElseThrow(() -> ApiException.notFound("No such user."));
  }

  /**
   * How others see the caller named: their profile's name, else the token's, else their address's
   * part before the @; {@code Someone} when none is known.
   */
  public String nameOf(Caller caller) {
    return find(caller.uid()).map(User::displayName).filter(n -> n != null && !n.isBlank())
        .or(() -> Optional.ofNullable(caller.name()).filter(n -> !n.isBlank()))
        .or(() -> localPart(caller.email()))
        .orElse("Someone");
  }

  /** How others see a person known only by uid: their profile's name, else their address's part before the @. */
  public Optional<String> nameOf(String uid) {
    return find(uid).flatMap(u -> Optional.ofNullable(u.displayName()).filter(n -> !n.isBlank())
        .or(() -> localPart(u.email())));
  }

  private static Optional<String> localPart(String email) {
    return Optional.ofNullable(email).map(e -> e.substring(0, Math.max(0, e.indexOf('@')))).filter(n -> !n.isBlank());
  }

  public Optional<User> find(String uid) {
    return documents.get(COLLECTION, uid).map(UserService::fromDocument);
  }

  public Optional<User> findByEmail(String email) {
    var page = documents.query(Query.on(COLLECTION).whereEqualTo("email", normaliseEmail(email)).limit(1).build());
    return page.items().stream().findFirst().map(UserService::fromDocument);
  }

  /**
   * Changes the caller's own profile and e-mail preference ({@code all}, {@code mentions} or
   * {@code none}, checked by the caller); {@code ifMatch} may be null.
   */
  public UserView update(String uid, String ifMatch, Optional<String> displayName, Optional<String> photoUrl,
      boolean clearDisplayName, boolean clearPhoto, Optional<String> emailNotifications) {
    return documents.transaction(tx -> {
      User user = tx.get(COLLECTION, uid).map(UserService::fromDocument)
          .orElseThrow(() -> ApiException.notFound("No such user."));
      Etags.check(ifMatch, user.version());
      User changed = new User(user.uid(), user.email(),
          clearDisplayName ? null : displayName.orElse(user.displayName()),
          clearPhoto ? null : photoUrl.orElse(user.photoUrl()),
          user.createdAt(), clock.instant(), user.version() + 1, user.emailVerified(),
          emailNotifications.orElse(user.emailNotifications()));
      tx.set(COLLECTION, uid, toDocument(changed));
      return UserView.of(changed);
    });
  }

  static String normaliseEmail(String email) {
    return Emails.normalise(email);
  }

  static JsonObject toDocument(User user) {
    return Json.toTree(user).getAsJsonObject();
  }

  static User fromDocument(Document d) {
    return Json.fromTree(d.data(), User.class);
  }
}
