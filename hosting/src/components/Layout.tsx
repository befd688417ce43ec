import { Alert, Box, Button, Container, Flex, HStack, Link, Spinner, Text } from "@chakra-ui/react";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useSyncExternalStore } from "react";
import { Link as RouterLink, Outlet, useLocation } from "react-router";
import { getHealth } from "../lib/api";
import { currentColorMode, subscribeColorMode, toggleColorMode } from "../lib/color-mode";
import { NotificationsBell } from "./NotificationsBell";
import { requestTitleFocus } from "./PageTitle";
import { useSession } from "../session";
import { queryKeys } from "../lib/query-keys";

/** The frame of every screen: header, demo banner and the current route. */
export function Layout() {
  const { user, signOut } = useSession();
  const location = useLocation();
  const mainRef = useRef<HTMLDivElement>(null);
  const firstRender = useRef(true);
  const mode = useSyncExternalStore(subscribeColorMode, currentColorMode);
  const health = useQuery({ queryKey: queryKeys.health(), queryFn: getHealth, staleTime: 5 * 60_000, retry: false });

  // After moving to another screen, put keyboard and screen-reader focus on its heading.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    // The new screen may still be loading; then its title takes the focus when it appears.
    const heading = mainRef.current?.querySelector<HTMLElement>("h1");
    if (heading) heading.focus();
    else requestTitleFocus();
  }, [location.pathname]);

  // The page then goes back to the light sign-in screen (main.ts), outside this app.
  async function leave() {
    await signOut();
  }

  return (
    <Box minH="100dvh" bg="bg.subtle">
      <Link
        href="#main"
        position="absolute"
        left="2"
        top="-12"
        zIndex="skipLink"
        bg="bg"
        px="3"
        py="2"
        rounded="md"
        _focusVisible={{ top: "2" }}
      >
        Skip to content
      </Link>
      <Box as="header" bg="bg" borderBottomWidth="1px" position="sticky" top="0" zIndex="sticky">
        <Container maxW="6xl" px={{ base: "3", md: "6" }}>
          <Flex h="14" align="center" gap="2">
            <Link asChild fontWeight="semibold" fontSize="lg" color="fg" _hover={{ textDecoration: "none" }}>
              <RouterLink to="/" aria-label="Content Creator">
                <img src="/favicon.svg" alt="" width={28} height={28} />
                {/* On the narrowest phones the logo alone leaves room for the account and sign-out buttons. */}
                <Box as="span" hideBelow="sm">
                  Content Creator
                </Box>
              </RouterLink>
            </Link>
            <HStack ms="auto" gap="1" minW="0">
              {user && (
                <Text
                  fontSize="sm"
                  color="fg.muted"
                  truncate
                  maxW={{ base: "28", sm: "60" }}
                  display={{ base: "none", sm: "block" }}
                  title={user.email ?? undefined}
                >
                  {user.email}
                </Text>
              )}
              <Button
                variant="ghost"
                size="sm"
                onClick={toggleColorMode}
                aria-label={mode === "dark" ? "Use light colours" : "Use dark colours"}
                title={mode === "dark" ? "Use light colours" : "Use dark colours"}
              >
                <span aria-hidden="true">{mode === "dark" ? "☀" : "☾"}</span>
              </Button>
              {user && <NotificationsBell />}
              {user && (
                <Button asChild variant="ghost" size="sm" px="2">
                  <RouterLink to="/calendar">Calendar</RouterLink>
                </Button>
              )}
              {user && (
                <Button asChild variant="ghost" size="sm" px="2">
                  <RouterLink to="/account">Account</RouterLink>
                </Button>
              )}
              {user && (
                <Button variant="outline" size="sm" onClick={leave}>
                  Sign out
                </Button>
              )}
            </HStack>
          </Flex>
        </Container>
      </Box>
      {health.data?.demo === true && (
        <Alert.Root as="aside" aria-label="Demo mode" status="info" variant="subtle" borderRadius="0" role="complementary">
          <Alert.Indicator />
          <Alert.Content>
            <Alert.Description>
              Offline demo: no AI provider is configured, so generated texts and images come from the built-in demo
              provider.
            </Alert.Description>
          </Alert.Content>
        </Alert.Root>
      )}
      <Container as="main" id="main" ref={mainRef} maxW="6xl" px={{ base: "3", md: "6" }} py={{ base: "4", md: "8" }}>
        <Outlet />
      </Container>
    </Box>
  );
}

export function RouteFallback() {
  return (
    <Flex justify="center" py="16" role="status" aria-live="polite">
      <Spinner size="lg" aria-hidden="true" />
      <Text srOnly>Loading…</Text>
    </Flex>
  );
}
