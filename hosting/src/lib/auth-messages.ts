// Plain words for the error codes Firebase Auth gives when signing in (password, email link or
// Google) or creating an account.

const MESSAGES: Record<string, string> = {
  "auth/invalid-email": "That email address doesn't look right. Check it and try again.",
  "auth/missing-email": "Enter your email address.",
  "auth/missing-password": "Enter your password.",
  "auth/invalid-credential": "The email address or password is wrong.",
  "auth/invalid-login-credentials": "The email address or password is wrong.",
  "auth/wrong-password": "The email address or password is wrong.",
  "auth/user-not-found": "The email address or password is wrong.",
  "auth/email-already-in-use": "There is already an account with this email address. Choose “Sign in” instead.",
  "auth/weak-password": "Choose a longer password: at least 6 characters.",
  "auth/user-disabled": "This account has been switched off. Contact the person who runs this site.",
  "auth/too-many-requests": "Too many attempts. Wait a few minutes and try again.",
  "auth/network-request-failed": "Can't reach the sign-in service. Check your connection and try again.",
  "auth/operation-not-allowed": "This way of signing in isn't switched on for this site. Choose another one.",
  "auth/admin-restricted-operation": "This way of signing in isn't switched on for this site. Choose another one.",
  "auth/popup-closed-by-user": "The Google window was closed before you finished. Try again when you're ready.",
  "auth/cancelled-popup-request": "Another sign-in window was opened. Finish in that one, or try again.",
  "auth/user-cancelled": "Signing in with Google was cancelled. Try again when you're ready.",
  "auth/popup-blocked": "Your browser blocked the Google sign-in window. Allow pop-ups for this site and try again.",
  "auth/account-exists-with-different-credential":
    "There is already an account with this email address that signs in another way. Use your password or an email link.",
  "auth/credential-already-in-use": "That Google account already belongs to another account here.",
  "auth/unauthorized-domain": "This site's address isn't allowed to sign in with Google. Contact the person who runs it.",
  "auth/invalid-action-code": "This sign-in link has already been used or isn't valid. Ask for a new one below.",
  "auth/expired-action-code": "This sign-in link has expired. Ask for a new one below.",
  "auth/missing-continue-uri": "This site isn't set up to send sign-in links. Sign in with your password instead.",
  "auth/invalid-continue-uri": "This site isn't set up to send sign-in links. Sign in with your password instead.",
  "auth/unauthorized-continue-uri": "This site isn't set up to send sign-in links. Sign in with your password instead.",
  "auth/quota-exceeded": "Too many sign-in emails were sent from this site today. Try again later, or use your password.",
  "auth/timeout": "Signing in took too long. Check your connection and try again.",
  "auth/web-storage-unsupported":
    "Your browser is blocking the storage signing in needs. Allow this site's data (or leave private browsing) and try again.",
  "auth/operation-not-supported-in-this-environment": "This browser can't open the Google sign-in window. Use another way to sign in.",
};

/** Codes that mean, when signing in with Google, that Google's sign-in scripts couldn't be reached. */
const GOOGLE_UNREACHABLE = new Set(["auth/network-request-failed", "auth/internal-error", "auth/timeout"]);

/**
 * Words for a failed sign-in. `method` says which way the person tried, where a code means
 * something more particular: Google's pop-up needs Google's own scripts, which may not load.
 */
export function authErrorMessage(error: unknown, method?: "google"): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (method === "google" && typeof code === "string" && GOOGLE_UNREACHABLE.has(code)) {
    return "Can't reach Google's sign-in service from here. Check your connection, or sign in with your email address.";
  }
  return (typeof code === "string" && MESSAGES[code]) || "Something went wrong. Please try again.";
}
