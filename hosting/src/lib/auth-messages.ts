// Plain words for the error codes Firebase Auth gives when signing in or creating an account.

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
  "auth/operation-not-allowed": "Signing in with email and password isn't switched on for this site.",
};

export function authErrorMessage(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return (typeof code === "string" && MESSAGES[code]) || "Something went wrong. Please try again.";
}
