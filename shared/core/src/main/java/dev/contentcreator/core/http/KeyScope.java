package dev.contentcreator.core.http;

import dev.contentcreator.core.domain.Role;
import java.util.Objects;

/**
 * What an API key lets its holder do as the person who made it: {@code projectId} (null for all of
 * the person's projects) and the highest {@code role} it acts with; a member's role in a project is
 * capped at it. The gateway makes the scope of a request signed with a key the thread's for as long
 * as the handler runs ({@link #enter}), so the one role check every service makes
 * ({@code ProjectService.requireRole}) applies it, and a store that runs a transaction's body on
 * another thread carries it there ({@link #current}, then {@link #enter}).
 *
 * @param keyId the key's id (logged; never its secret)
 */
public record KeyScope(String keyId, String projectId, Role role) {
  private static final ThreadLocal<KeyScope> CURRENT = new ThreadLocal<>();

  public KeyScope {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(role, "role");
  }

  /** Whether this key reaches the project {@code id}. */
  public boolean reaches(String id) {
    return projectId == null || projectId.equals(id);
  }

  /** The role a member with {@code memberRole} acts with through this key: the lower of the two. */
  public Role cap(Role memberRole) {
    return memberRole.compareTo(role) <= 0 ? memberRole : role;
  }

  /** The scope of the key the request this thread serves was signed with, or null for a person. */
  public static KeyScope current() {
    return CURRENT.get();
  }

  /** Makes {@code scope} (null for none) this thread's until the scope closes; the one before is restored. */
  public static Scope enter(KeyScope scope) {
    KeyScope before = CURRENT.get();
    CURRENT.set(scope);
    return before == null ? CURRENT::remove : () -> CURRENT.set(before);
  }

  /** Ends what {@link #enter} began. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
