package dev.contentcreator.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contentcreator.core.ports.IdentityVerifier;
import dev.contentcreator.core.ports.IdentityVerifier.InvalidTokenException;
import dev.contentcreator.core.ports.IdentityVerifier.VerifiedIdentity;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every adapter of the identity port must do. A subclass gives the adapter and a way to make
 * accounts and tokens where the adapter's provider lives (the Auth emulator, for Firebase).
 */
public abstract class IdentityVerifierContract {

  protected abstract IdentityVerifier verifier();

  /** An account made at the provider, with a token valid for the adapter's project. */
  public record Account(String uid, String email, String idToken) {}

  protected abstract Account newAccount(String email) throws Exception;

  /**
   * Has the provider mark the account's address verified, the way its owner would (following the
   * verification message), and answers a token issued after that.
   */
  protected abstract String verifiedToken(Account account) throws Exception;

  /** A token of a real account, issued for another project than the adapter's. */
  protected abstract String tokenForAnotherProject() throws Exception;

  private static String newEmail() {
    return "contract-" + UUID.randomUUID() + "@example.com";
  }

  @Test
  void aValidTokenNamesItsAccount() throws Exception {
    Account a = newAccount(newEmail());
    VerifiedIdentity who = verifier().verify(a.idToken());
    assertEquals(a.uid(), who.uid());
    assertEquals(a.email(), who.email());
  }

  @Test
  void aNewAccountsAddressIsNotVerified() throws Exception {
    Account a = newAccount(newEmail());
    assertFalse(verifier().verify(a.idToken()).emailVerified());
  }

  @Test
  void aTokenIssuedAfterVerificationSaysTheAddressIsVerified() throws Exception {
    Account a = newAccount(newEmail());
    VerifiedIdentity who = verifier().verify(verifiedToken(a));
    assertEquals(a.uid(), who.uid());
    assertTrue(who.emailVerified());
    assertTrue(verifier().findByEmail(a.email()).orElseThrow().emailVerified());
  }

  @Test
  void garbageIsNotAToken() {
    assertThrows(InvalidTokenException.class, () -> verifier().verify("garbage"));
  }

  @Test
  void anEmptyTokenIsNotAToken() {
    assertThrows(InvalidTokenException.class, () -> verifier().verify(""));
  }

  @Test
  void aTokenWithAnAlteredSubjectIsRefused() throws Exception {
    Account a = newAccount(newEmail());
    String[] parts = a.idToken().split("\\.", -1);
    String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 4) + "AAAA." + parts[2];
    assertThrows(InvalidTokenException.class, () -> verifier().verify(tampered));
  }

  @Test
  void aTokenForAnotherProjectIsRefused() throws Exception {
    String token = tokenForAnotherProject();
    assertThrows(InvalidTokenException.class, () -> verifier().verify(token));
  }

  @Test
  void anAccountInUseIsNotDisabledAndOneThatDoesNotExistIs() throws Exception {
    Account a = newAccount(newEmail());
    VerifiedIdentity who = verifier().verify(a.idToken());
    assertFalse(verifier().isDisabled(who.uid()));
    assertFalse(verifier().isDisabledFresh(who.uid()));
    assertTrue(verifier().isDisabled("no-such-account-" + System.nanoTime()));
  }

  @Test
  void anAccountIsFoundByItsEmail() throws Exception {
    Account a = newAccount(newEmail());
    Optional<VerifiedIdentity> found = verifier().findByEmail(a.email());
    assertTrue(found.isPresent());
    assertEquals(a.uid(), found.get().uid());
  }

  @Test
  void anUnknownEmailFindsNobody() {
    assertTrue(verifier().findByEmail(newEmail()).isEmpty());
  }
}
