import { Alert, Box, Button, Card, Field, HStack, Input, Stack, Text } from "@chakra-ui/react";
import { createUserWithEmailAndPassword, signInWithEmailAndPassword } from "firebase/auth";
import { useRef, useState, type FormEvent } from "react";
import { Navigate, useLocation } from "react-router";
import { PageTitle } from "../components/PageTitle";
import { authErrorMessage } from "../lib/auth-messages";
import { useSession } from "../session";

type Mode = "sign-in" | "sign-up";

export default function SignIn() {
  const { auth, user } = useSession();
  const location = useLocation();
  const [mode, setMode] = useState<Mode>("sign-in");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState("");
  const [invalid, setInvalid] = useState<"email" | "password" | null>(null);
  const [busy, setBusy] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const from = (location.state as { from?: string } | null)?.from;
  if (user) return <Navigate to={from && from.startsWith("/") ? from : "/"} replace />;

  const creating = mode === "sign-up";

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError("");
    setInvalid(null);
    const address = email.trim();
    if (!address || !password) {
      setInvalid(address ? "password" : "email");
      setError(address ? "Enter your password." : "Enter your email address.");
      (address ? passwordRef : emailRef).current?.focus();
      return;
    }
    setBusy(true);
    try {
      if (creating) await createUserWithEmailAndPassword(auth, address, password);
      else await signInWithEmailAndPassword(auth, address, password);
    } catch (caught) {
      setError(authErrorMessage(caught));
      setBusy(false);
    }
  }

  return (
    <Box maxW="md" mx="auto" mt={{ base: "2", md: "10" }}>
      <PageTitle mb="2">{creating ? "Create your account" : "Sign in"}</PageTitle>
      <Text color="fg.muted" mb="6">
        {creating
          ? "Choose the email address and password you'll sign in with."
          : "Use your email address and password to reach your projects."}
      </Text>
      <Card.Root>
        <Card.Body>
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
              </Field.Root>
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
              {error && (
                <Alert.Root status="error" id="sign-in-error" role="alert">
                  <Alert.Indicator />
                  <Alert.Title>{error}</Alert.Title>
                </Alert.Root>
              )}
              <Button type="submit" colorPalette="blue" loading={busy} loadingText={creating ? "Creating…" : "Signing in…"}>
                {creating ? "Create account" : "Sign in"}
              </Button>
            </Stack>
          </form>
        </Card.Body>
      </Card.Root>
      <HStack justify="center" mt="4" gap="1" flexWrap="wrap">
        <Text color="fg.muted">{creating ? "Already have an account?" : "New here?"}</Text>
        <Button
          variant="plain"
          colorPalette="blue"
          px="1"
          textDecoration="underline"
          onClick={() => {
            setMode(creating ? "sign-in" : "sign-up");
            setError("");
            setInvalid(null);
          }}
        >
          {creating ? "Sign in instead" : "Create an account"}
        </Button>
      </HStack>
    </Box>
  );
}
