import { Alert, Button, Skeleton, Stack, Text } from "@chakra-ui/react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link as RouterLink, useLocation, useParams } from "react-router";
import { InvitationCard, useEmailVerified, VerifyEmailPrompt } from "../components/Invitations";
import { PageTitle } from "../components/PageTitle";
import { usePeopleApi } from "../components/usePeopleApi";
import { tokenFromHash } from "../lib/invitations";
import { messageOf } from "../lib/problem";
import { useSession } from "../session";
import { queryKeys } from "../lib/query-keys";

/**
 * Where an accept link leads: the invitation, to accept or decline, for the person signed in with
 * the address it was sent to, once that address is verified. Anyone else learns nothing about it.
 */
export default function InvitationPage() {
  const { invitationId = "" } = useParams();
  const location = useLocation();
  // Read once: the secret stays in the fragment, which the browser never sends to a server.
  const [token] = useState(() => tokenFromHash(location.hash));
  const { user } = useSession();
  const { verified, recheck } = useEmailVerified();
  const people = usePeopleApi();
  const mine = useQuery({ queryKey: queryKeys.myInvitations(), queryFn: () => people.myInvitations(), enabled: verified });
  const invitation = mine.data?.items.find((item) => item.id === invitationId);

  return (
    <Stack gap="6" maxW="2xl">
      <PageTitle>Invitation</PageTitle>
      {!verified && (
        <VerifyEmailPrompt recheck={recheck} why="An invitation can be accepted only from the verified address it was sent to." />
      )}
      {verified && mine.isPending && <Skeleton h="20" aria-busy="true" />}
      {verified && mine.isError && (
        <Alert.Root status="error" role="alert">
          <Alert.Indicator />
          <Alert.Title>Couldn't load the invitation. {messageOf(mine.error)}</Alert.Title>
        </Alert.Root>
      )}
      {verified && invitation && (
        <Stack as="ul" listStyleType="none">
          <InvitationCard invitation={invitation} token={token} />
        </Stack>
      )}
      {verified && mine.isSuccess && !invitation && (
        <Alert.Root status="info">
          <Alert.Indicator />
          <Alert.Content>
            <Alert.Title>There's no open invitation here for {user?.email ?? "you"}.</Alert.Title>
            <Alert.Description>
              It may have been sent to another address (sign in with that one), accepted already, withdrawn, or expired:
              ask an owner of the project to send it again.
            </Alert.Description>
          </Alert.Content>
        </Alert.Root>
      )}
      <Text>
        <Button asChild variant="outline" size="sm">
          <RouterLink to="/">Your projects</RouterLink>
        </Button>
      </Text>
    </Stack>
  );
}
