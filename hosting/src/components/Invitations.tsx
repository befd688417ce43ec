import { Alert, Box, Button, Card, Flex, Heading, Stack, Text } from "@chakra-ui/react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { sendEmailVerification } from "firebase/auth";
import { useState } from "react";
import { useNavigate } from "react-router";
import { expiryText } from "../lib/invitations";
import { messageOf } from "../lib/problem";
import { ROLE_LABELS } from "../lib/roles";
import { useSession } from "../session";
import { usePeopleApi } from "./usePeopleApi";
import { queryKeys } from "../lib/query-keys";
import type { Invitation } from "../lib/api-types";

/**
 * Whether the signed-in person's address is verified, and a way to learn that it became so: Firebase
 * keeps the flag of the last sign-in until the account is reloaded and a new token is fetched.
 */
export function useEmailVerified(): { verified: boolean; recheck: () => Promise<boolean> } {
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [verified, setVerified] = useState(Boolean(user?.emailVerified));
  async function recheck(): Promise<boolean> {
    if (!user) return false;
    await user.reload();
    // The API reads email_verified from the token, so the next calls need a new one.
    await user.getIdToken(true);
    setVerified(user.emailVerified);
    if (user.emailVerified) await queryClient.invalidateQueries({ queryKey: queryKeys.invitations() });
    return user.emailVerified;
  }
  return { verified, recheck };
}

/** Asks a person whose address is not verified to verify it, and sends the message on request. */
export function VerifyEmailPrompt({ recheck, why }: { recheck: () => Promise<boolean>; why: string }) {
  const { user } = useSession();
  const [sent, setSent] = useState(false);
  const send = useMutation({
    mutationFn: async () => {
      if (!user) throw new Error("Sign in first.");
      await sendEmailVerification(user);
    },
    onSuccess: () => setSent(true),
  });
  const check = useMutation({ mutationFn: recheck });
  return (
    <Alert.Root as="section" status="warning" aria-labelledby="verify-title" alignItems="start">
      <Alert.Indicator />
      <Alert.Content gap="2">
        <Alert.Title id="verify-title">Verify your e-mail address</Alert.Title>
        <Alert.Description>
          {user?.email ? `${user.email} isn't verified yet. ` : "Your address isn't verified yet. "}
          {why}
        </Alert.Description>
        <Flex gap="2" wrap="wrap" mt="1">
          <Button size="sm" colorPalette="orange" loading={send.isPending} onClick={() => send.mutate()}>
            {sent ? "Send it again" : "Send verification e-mail"}
          </Button>
          <Button size="sm" variant="outline" loading={check.isPending} onClick={() => check.mutate()}>
            I've verified it
          </Button>
        </Flex>
        <Box role="status" aria-live="polite">
          {sent && !send.isPending && (
            <Text fontSize="sm">Sent. Open the link in the message, then choose “I've verified it”.</Text>
          )}
          {check.isSuccess && !check.data && (
            <Text fontSize="sm">Not verified yet: open the link in the message first.</Text>
          )}
          {(send.isError || check.isError) && (
            <Text fontSize="sm" color="fg.error">
              {messageOf(send.error ?? check.error)}
            </Text>
          )}
        </Box>
      </Alert.Content>
    </Alert.Root>
  );
}

/**
 * The invitations waiting for the signed-in person, to accept or decline; or, while their address
 * is not verified, the prompt to verify it (invitations go only to verified addresses).
 */
export function InvitationInbox() {
  const { verified, recheck } = useEmailVerified();
  const people = usePeopleApi();
  const mine = useQuery({ queryKey: queryKeys.myInvitations(), queryFn: () => people.myInvitations(), enabled: verified });
  if (!verified) {
    return <VerifyEmailPrompt recheck={recheck} why="Invitations to projects reach you once it is." />;
  }
  const items = mine.data?.items ?? [];
  if (mine.isError) {
    return (
      <Alert.Root status="error" role="alert">
        <Alert.Indicator />
        <Alert.Title>Couldn't load your invitations. {messageOf(mine.error)}</Alert.Title>
      </Alert.Root>
    );
  }
  if (items.length === 0) return null;
  return (
    <Box as="section" aria-labelledby="my-invitations">
      <Heading as="h2" id="my-invitations" size="lg" mb="3">
        Invitations for you ({items.length})
      </Heading>
      <Stack as="ul" listStyleType="none" gap="2">
        {items.map((invitation) => (
          <InvitationCard key={invitation.id} invitation={invitation} token={null} />
        ))}
      </Stack>
    </Box>
  );
}

/** One invitation with its Accept and Decline buttons; accepting opens the project. */
export function InvitationCard({ invitation, token }: { invitation: Invitation; token: string | null }) {
  const people = usePeopleApi();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const accept = useMutation({
    mutationFn: () => people.acceptInvitation(invitation.id, token),
    onSuccess: async (member) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.invitations() });
      await queryClient.invalidateQueries({ queryKey: queryKeys.projects() });
      navigate(`/projects/${encodeURIComponent(member.projectId)}`);
    },
  });
  const decline = useMutation({
    mutationFn: () => people.declineInvitation(invitation.id, token),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.invitations() }),
  });
  const from = invitation.invitedByName ? ` from ${invitation.invitedByName}` : "";
  return (
    <Card.Root as="li" size="sm" aria-label={`Invitation to ${invitation.projectName}`}>
      <Card.Body>
        <Flex gap="3" align="center" wrap="wrap">
          <Box flex="1 1 14rem" minW="0">
            <Text fontWeight="medium">{invitation.projectName}</Text>
            <Text fontSize="sm" color="fg.muted">
              As {ROLE_LABELS[invitation.role].toLowerCase()}
              {from} · {expiryText(invitation, new Date())}
            </Text>
          </Box>
          <Button size="sm" colorPalette="blue" loading={accept.isPending} disabled={decline.isPending} onClick={() => accept.mutate()}>
            Accept
          </Button>
          <Button size="sm" variant="outline" loading={decline.isPending} disabled={accept.isPending} onClick={() => decline.mutate()}>
            Decline
          </Button>
        </Flex>
        {(accept.isError || decline.isError) && (
          <Text role="alert" fontSize="sm" color="fg.error" mt="2">
            {messageOf(accept.error ?? decline.error)}
          </Text>
        )}
      </Card.Body>
    </Card.Root>
  );
}
