import { Alert, Box, Button, Card, Flex, Heading, Progress, Skeleton, Stack, Text } from "@chakra-ui/react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiKeysCard } from "../components/ApiKeysCard";
import { PageTitle } from "../components/PageTitle";
import { Segmented } from "../components/Segmented";
import { useCollabApi } from "../components/useCollabApi";
import type { EmailPreference } from "../lib/collab-api";
import { usePeopleApi } from "../components/usePeopleApi";
import { authErrorMessage } from "../lib/auth-messages";
import { messageOf } from "../lib/problem";
import { formatMicros, periodName, usageBars } from "../lib/usage";
import { useSession } from "../session";
import { queryKeys } from "../lib/query-keys";

const COLORS = { ok: "blue", high: "orange", full: "red" } as const;

export default function Account() {
  const people = usePeopleApi();
  const { user, signOut } = useSession();
  // Usage changes with every generation: read it afresh each time the screen opens.
  const me = useQuery({ queryKey: queryKeys.me(), queryFn: () => people.me(), refetchOnMount: "always" });
  const collab = useCollabApi();
  const queryClient = useQueryClient();
  const emailPreference = useMutation({
    mutationFn: (value: EmailPreference) => collab.setEmailNotifications(value),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.me() }),
  });
  const [signOutError, setSignOutError] = useState("");
  const [leaving, setLeaving] = useState(false);

  async function leave() {
    setLeaving(true);
    setSignOutError("");
    try {
      // Signed out, the page goes back to the light sign-in screen (main.ts).
      await signOut();
    } catch (error) {
      setSignOutError(authErrorMessage(error));
      setLeaving(false);
    }
  }

  const bars = usageBars(me.data?.usage, me.data?.limits);
  return (
    <Stack gap="6" maxW="3xl">
      <PageTitle>Your account</PageTitle>
      <Card.Root as="section" aria-labelledby="who">
        <Card.Body gap="3">
          <Heading as="h2" id="who" size="md">
            Signed in as
          </Heading>
          <Box>
            {me.data?.displayName && <Text fontWeight="medium">{me.data.displayName}</Text>}
            <Text color={me.data?.displayName ? "fg.muted" : undefined} wordBreak="break-all">
              {me.data?.email ?? user?.email ?? "an account without an email address"}
            </Text>
          </Box>
          <Flex gap="3" align="center" wrap="wrap">
            <Button variant="outline" onClick={leave} loading={leaving} loadingText="Signing out…">
              Sign out
            </Button>
            <Text fontSize="sm" color="fg.muted">
              Signing out removes your session from this device.
            </Text>
          </Flex>
          {signOutError && (
            <Alert.Root status="error" role="alert">
              <Alert.Indicator />
              <Alert.Title>{signOutError}</Alert.Title>
            </Alert.Root>
          )}
        </Card.Body>
      </Card.Root>

      <Card.Root as="section" aria-labelledby="email-notifications">
        <Card.Body gap="3">
          <Heading as="h2" id="email-notifications" size="md">
            E-mail notifications
          </Heading>
          <Text fontSize="sm" color="fg.muted">
            Everything stays in your notifications in the app. Choose what is also sent to {me.data?.email ?? "your address"}:
            everything (mentions, replies to your threads, review requests and status changes), mentions only, or nothing.
          </Text>
          {me.isSuccess && (
            <Segmented<EmailPreference>
              label="E-mail me about"
              options={[
                { value: "all", label: "Everything" },
                { value: "mentions", label: "Mentions" },
                { value: "none", label: "Nothing" },
              ]}
              value={emailPreference.isPending && emailPreference.variables ? emailPreference.variables : (me.data.emailNotifications ?? "all")}
              onChange={(value) => emailPreference.mutate(value)}
            />
          )}
          {emailPreference.isError && (
            <Alert.Root status="error" role="alert" size="sm">
              <Alert.Indicator />
              <Alert.Title>Couldn't save your choice. {messageOf(emailPreference.error)}</Alert.Title>
            </Alert.Root>
          )}
        </Card.Body>
      </Card.Root>

      <Card.Root as="section" aria-labelledby="usage">
        <Card.Body gap="4">
          <Box>
            <Heading as="h2" id="usage" size="md">
              Usage{me.data?.usage ? ` in ${periodName(me.data.usage.period)}` : " this month"}
            </Heading>
            <Text fontSize="sm" color="fg.muted">
              Your limits start again on the first day of each month (UTC), across all your projects.
            </Text>
          </Box>
          {me.isPending && (
            <Stack gap="3" aria-busy="true">
              <Skeleton h="8" />
              <Skeleton h="8" />
              <Skeleton h="8" />
            </Stack>
          )}
          {me.isError && (
            <Alert.Root status="error" role="alert">
              <Alert.Indicator />
              <Alert.Title>Couldn't load your usage. {messageOf(me.error)}</Alert.Title>
              <Button size="sm" variant="outline" ms="auto" onClick={() => me.refetch()}>
                Try again
              </Button>
            </Alert.Root>
          )}
          {me.isSuccess && bars.length === 0 && <Text color="fg.muted">The server didn't report usage for this account.</Text>}
          {bars.map((bar) => (
            <Progress.Root key={bar.id} value={bar.percent} colorPalette={COLORS[bar.level]} max={100}>
              <Flex justify="space-between" gap="2" wrap="wrap" mb="1">
                <Progress.Label fontWeight="medium">{bar.label}</Progress.Label>
                <Text fontSize="sm" color="fg.muted">
                  {bar.text}
                  {bar.level === "full" ? " — limit reached" : bar.level === "high" ? " — nearly at the limit" : ""}
                </Text>
              </Flex>
              <Progress.Track aria-label={`${bar.label} this month`} aria-valuetext={bar.text}>
                <Progress.Range />
              </Progress.Track>
            </Progress.Root>
          ))}
          {me.data?.usage && (
            <Text fontSize="sm" color="fg.muted">
              {me.data.usage.items} {me.data.usage.items === 1 ? "item" : "items"} generated, at an estimated cost of{" "}
              {formatMicros(me.data.usage.costMicros)}. The offline demo provider costs nothing.
            </Text>
          )}
        </Card.Body>
      </Card.Root>

      <ApiKeysCard />
    </Stack>
  );
}
