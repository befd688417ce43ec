import { Alert, Box, Button, Card, Field, HStack, Input, Stack, Text } from "@chakra-ui/react";
import {
  browserPopupRedirectResolver,
  createUserWithEmailAndPassword,
  GoogleAuthProvider,
  isSignInWithEmailLink,
  sendSignInLinkToEmail,
  signInWithEmailAndPassword,
  signInWithEmailLink,
  signInWithPopup,
} from "firebase/auth";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Navigate, useLocation } from "react-router";
import { PageTitle } from "../components/PageTitle";
import { Segmented } from "../components/Segmented";
import { authErrorMessage } from "../lib/auth-messages";
import { finishLinkRequest, isAppPath, linkNext, linkReturnUrl, rememberLinkRequest, rememberedLinkEmail } from "../lib/email-link";
import { useSession } from "../session";

type Mode = "sign-in" | "sign-up";
type Method = "password" | "link";

export default function SignIn() {
  const { auth, user } = useSession();
  const location = useLocation();
  const [mode, setMode] = useState<Mode>("sign-in");
  const [method, setMethod] = useState<Method>("password");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState("");
  const [status, setStatus] = useState("");
  const [invalid, setInvalid] = useState<"email" | "password" | null>(null);
  const [busy, setBusy] = useState<"form" | "google" | "link" | null>(null);
  // Opened from an email link: sign in with it, asking for the address if this device doesn't know it.
  const [linkPending, setLinkPending] = useState(() => isSignInWithEmailLink(auth, window.location.href));
  const [next, setNext] = useState<string | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const linkStarted = useRef(false);

  const from = (location.state as { from?: string } | null)?.from;

  async function completeLink(address: string) {
    setBusy("link");
    setError("");
    setStatus("Signing you in…");
    // Known before signing in: the screen moves on as soon as the person is signed in.
    setNext(linkNext());
    try {
      await signInWithEmailLink(auth, address, window.location.href);
      finishLinkRequest();
      setLinkPending(false);
      setStatus("");
    } catch (caught) {
      setNext(null);
      setStatus("");
      setError(authErrorMessage(caught));
      // A used or expired link can't succeed again: offer to send a new one.
      const code = (caught as { code?: string }).code;
      if (code === "auth/invalid-action-code" || code === "auth/expired-action-code") {
        setLinkPending(false);
        setMethod("link");
        window.history.replaceState(null, "", "/signin");
      }
      setBusy(null);
    }
  }

  useEffect(() => {
    if (!linkPending || linkStarted.current) return;
    linkStarted.current = true;
    const remembered = rememberedLinkEmail();
    if (remembered) {
      setEmail(remembered);
      void completeLink(remembered);
    } else {
      setStatus("Enter the email address you asked for the link with, to finish signing in.");
    }
    // Runs once, when the screen opens from a link.
  }, []);

  if (user) {
    const target = next ?? (from && isAppPath(from) ? from : "/");
    return <Navigate to={target} replace />;
  }

  const creating = mode === "sign-up";

  function fail(message: string, field: "email" | "password") {
    setInvalid(field);
    setError(message);
    (field === "email" ? emailRef : passwordRef).current?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError("");
    setStatus("");
    setInvalid(null);
    const address = email.trim();
    if (!address) return fail("Enter your email address.", "email");
    if (linkPending) return completeLink(address);
    if (method === "link") return sendLink(address);
    if (!password) return fail("Enter your password.", "password");
    setBusy("form");
    try {
      if (creating) await createUserWithEmailAndPassword(auth, address, password);
      else await signInWithEmailAndPassword(auth, address, password);
    } catch (caught) {
      setError(authErrorMessage(caught));
      setBusy(null);
    }
  }

  async function sendLink(address: string) {
    setBusy("form");
    try {
      await sendSignInLinkToEmail(auth, address, { url: linkReturnUrl(window.location.origin), handleCodeInApp: true });
      rememberLinkRequest(address, from);
      setStatus(`We sent a sign-in link to ${address}. Open it on this device to sign in; it works once.`);
    } catch (caught) {
      setError(authErrorMessage(caught));
    }
    setBusy(null);
  }

  async function google() {
    setError("");
    setStatus("");
    setBusy("google");
    try {
      await signInWithPopup(auth, new GoogleAuthProvider(), browserPopupRedirectResolver);
    } catch (caught) {
      setError(authErrorMessage(caught, "google"));
      setBusy(null);
    }
  }

  function choose(nextMethod: Method) {
    setMethod(nextMethod);
    setError("");
    setStatus("");
    setInvalid(null);
  }

  const title = linkPending ? "Finish signing in" : creating ? "Create your account" : "Sign in";
  const lead = linkPending
    ? "You opened a sign-in link."
    : creating
      ? "Choose the email address and password you'll sign in with, or use Google."
      : "Sign in to reach your projects.";

  return (
    <Box maxW="md" mx="auto" mt={{ base: "2", md: "10" }}>
      <PageTitle mb="2">{title}</PageTitle>
      <Text color="fg.muted" mb="6">
        {lead}
      </Text>
      <Card.Root>
        <Card.Body>
          <Stack gap="5">
            {!linkPending && (
              <>
                <Button variant="outline" onClick={google} loading={busy === "google"} loadingText="Waiting for Google…" disabled={busy !== null && busy !== "google"}>
                  <GoogleMark />
                  Continue with Google
                </Button>
                <HStack gap="3" aria-hidden="true">
                  <Box flex="1" borderTopWidth="1px" />
                  <Text fontSize="sm" color="fg.muted">
                    or with your email address
                  </Text>
                  <Box flex="1" borderTopWidth="1px" />
                </HStack>
                {!creating && (
                  <Segmented
                    label="How to sign in with email"
                    stretch
                    options={[
                      { value: "password", label: "Password" },
                      { value: "link", label: "Email me a link" },
                    ]}
                    value={method}
                    onChange={choose}
                  />
                )}
              </>
            )}
            <form onSubmit={submit} noValidate aria-describedby={error ? "sign-in-error" : undefined}>
              <Stack gap="4">
                <Field.Root required invalid={invalid === "email"}>
                  <Field.Label>Email address</Field.Label>
                  <Input
                    ref={emailRef}
                    type="email"
                    name="email"
                    autoComplete="email"
                    inputMode="email"
                    value={email}
                    onChange={(event) => setEmail(event.target.value)}
                  />
                  {method === "link" && !linkPending && (
                    <Field.HelperText>We'll email you a link that signs you in; no password needed.</Field.HelperText>
                  )}
                </Field.Root>
                {method === "password" && !linkPending && (
                  <Field.Root required invalid={invalid === "password"}>
                    <Field.Label>Password</Field.Label>
                    <Input
                      ref={passwordRef}
                      type="password"
                      name="password"
                      autoComplete={creating ? "new-password" : "current-password"}
                      value={password}
                      onChange={(event) => setPassword(event.target.value)}
                    />
                    <Field.HelperText>At least 6 characters.</Field.HelperText>
                  </Field.Root>
                )}
                <Box role="status" aria-live="polite">
                  {status && (
                    <Alert.Root status="info">
                      <Alert.Indicator />
                      <Alert.Title>{status}</Alert.Title>
                    </Alert.Root>
                  )}
                </Box>
                {error && (
                  <Alert.Root status="error" id="sign-in-error" role="alert">
                    <Alert.Indicator />
                    <Alert.Title>{error}</Alert.Title>
                  </Alert.Root>
                )}
                <Button
                  type="submit"
                  colorPalette="blue"
                  loading={busy === "form" || busy === "link"}
                  loadingText={linkPending ? "Signing in…" : method === "link" ? "Sending…" : creating ? "Creating…" : "Signing in…"}
                  disabled={busy === "google"}
                >
                  {linkPending ? "Sign in" : method === "link" ? "Email me a sign-in link" : creating ? "Create account" : "Sign in"}
                </Button>
              </Stack>
            </form>
          </Stack>
        </Card.Body>
      </Card.Root>
      {!linkPending && (
        <HStack justify="center" mt="4" gap="1" flexWrap="wrap">
          <Text color="fg.muted">{creating ? "Already have an account?" : "New here?"}</Text>
          <Button
            variant="plain"
            colorPalette="blue"
            px="1"
            textDecoration="underline"
            onClick={() => {
              setMode(creating ? "sign-in" : "sign-up");
              setMethod("password");
              setError("");
              setStatus("");
              setInvalid(null);
            }}
          >
            {creating ? "Sign in instead" : "Create an account"}
          </Button>
        </HStack>
      )}
    </Box>
  );
}

/** Google's "G", drawn inline so the button needs no image request. */
function GoogleMark() {
  return (
    <svg aria-hidden="true" width="18" height="18" viewBox="0 0 48 48">
      <path fill="#EA4335" d="M24 9.5c3.5 0 6.6 1.2 9 3.5l6.7-6.7C35.6 2.4 30.2 0 24 0 14.6 0 6.6 5.4 2.7 13.3l7.8 6.1C12.4 13.6 17.7 9.5 24 9.5z" />
      <path fill="#4285F4" d="M46.1 24.5c0-1.6-.1-3.1-.4-4.5H24v9h12.4c-.5 2.9-2.2 5.3-4.6 6.9l7.4 5.7c4.3-4 6.9-9.9 6.9-17.1z" />
      <path fill="#FBBC05" d="M10.5 28.6c-.5-1.4-.8-3-.8-4.6s.3-3.2.8-4.6l-7.8-6.1C1 16.6 0 20.2 0 24s1 7.4 2.7 10.7l7.8-6.1z" />
      <path fill="#34A853" d="M24 48c6.5 0 11.9-2.1 15.9-5.8l-7.4-5.7c-2.1 1.4-4.8 2.3-8.5 2.3-6.3 0-11.6-4.1-13.5-9.9l-7.8 6.1C6.6 42.6 14.6 48 24 48z" />
    </svg>
  );
}
