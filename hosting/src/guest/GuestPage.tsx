import { Alert, Badge, Box, Button, Container, Field, Flex, Heading, Image, Input, Skeleton, Stack, Text, Textarea } from "@chakra-ui/react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { FormattedText } from "../components/FormattedText";
import type { SharedItem, SharedPage } from "../lib/api-types";
import { ApiError, messageOf } from "../lib/problem";
import { openShare, reviewShared, unlockShare } from "../lib/shares-api";
import { guestMediaUrl, sessionKey } from "../lib/shares";

function storedSession(token: string): string | null {
  try {
    return sessionStorage.getItem(sessionKey(token));
  } catch {
    return null;
  }
}

/** What a share link shows: a password prompt when it has one, then its items read-only, and for an approve link the verdict form. */
export function GuestPage({ token }: { token: string }) {
  const [session, setSession] = useState<string | null>(() => storedSession(token));
  const page = useQuery({ queryKey: ["shared", token, session], queryFn: () => openShare(token, session) });
  const needsPassword = page.error instanceof ApiError && page.error.status === 401;
  return (
    <Container maxW="4xl" py={{ base: "4", md: "8" }} px={{ base: "3", md: "6" }}>
      <Stack gap="6">
        <Text fontSize="sm" color="fg.muted">
          Shared with you through Content Creator
        </Text>
        {page.isPending ? (
          <Skeleton height="40" />
        ) : needsPassword ? (
          <Unlock
            token={token}
            onSession={(s) => {
              try {
                sessionStorage.setItem(sessionKey(token), s);
              } catch {
                // a private window may refuse storage; the session then lasts this page only
              }
              setSession(s);
            }}
          />
        ) : page.isError ? (
          <Alert.Root status="info" role="alert">
            <Alert.Indicator />
            <Alert.Content>
              <Alert.Title>This link doesn't open anything</Alert.Title>
              <Alert.Description>
                {page.error instanceof ApiError && page.error.status === 404
                  ? "It may have ended or been withdrawn. Ask the person who sent it for a new one."
                  : messageOf(page.error)}
              </Alert.Description>
            </Alert.Content>
          </Alert.Root>
        ) : (
          <Shared page={page.data} token={token} session={session} />
        )}
      </Stack>
    </Container>
  );
}

function Unlock({ token, onSession }: { token: string; onSession: (session: string) => void }) {
  const [password, setPassword] = useState("");
  const unlock = useMutation({ mutationFn: () => unlockShare(token, password), onSuccess: (s) => onSession(s.session) });
  return (
    <Box
      as="form"
      maxW="sm"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        if (password) unlock.mutate();
      }}
    >
      <Stack gap="3">
        <Heading as="h1" size="lg">
          This link has a password
        </Heading>
        <Field.Root invalid={unlock.isError}>
          <Field.Label>Password</Field.Label>
          <Input type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} autoFocus />
          <Field.ErrorText>{unlock.isError ? messageOf(unlock.error) : null}</Field.ErrorText>
        </Field.Root>
        <Button type="submit" colorPalette="blue" loading={unlock.isPending} alignSelf="start">
          Open
        </Button>
      </Stack>
    </Box>
  );
}

function Shared({ page, token, session }: { page: SharedPage; token: string; session: string | null }) {
  return (
    <Stack gap="8">
      <Box>
        <Heading as="h1" size="2xl">
          {page.label || (page.items.length === 1 ? page.items[0].title : "Shared items")}
        </Heading>
        <Text color="fg.muted" fontSize="sm">
          Open until {new Date(page.expiresAt).toLocaleDateString()}
        </Text>
      </Box>
      {page.items.map((item) => (
        <Box as="article" key={item.id} borderWidth="1px" rounded="lg" p={{ base: "3", md: "5" }} aria-label={item.title}>
          <Flex justify="space-between" align="baseline" gap="2" wrap="wrap" mb="3">
            <Heading as="h2" size="lg">
              {item.title}
            </Heading>
            <Badge>{item.reviewStatus.replace("_", " ")}</Badge>
          </Flex>
          <ItemBody item={item} session={session} />
          {page.permission === "approve" && <Verdict token={token} session={session} item={item} />}
        </Box>
      ))}
    </Stack>
  );
}

function ItemBody({ item, session }: { item: SharedItem; session: string | null }) {
  if (item.kind === "text") return <FormattedText text={item.text ?? ""} />;
  if (!item.mediaUrl) return <Text color="fg.muted">This item has no media yet.</Text>;
  const src = guestMediaUrl(item.mediaUrl, session);
  if (item.kind === "video") {
    const poster = item.renditions?.poster;
    return (
      <video controls playsInline preload="metadata" src={src} poster={poster ? guestMediaUrl(poster, session) : undefined}
        style={{ width: "100%", maxHeight: "80vh", borderRadius: "8px" }}>
        Your browser can't play this video.
      </video>
    );
  }
  const large = item.renditions?.["thumb-1024"];
  return (
    <Image
      src={large ? guestMediaUrl(large, session) : src}
      srcSet={large ? `${guestMediaUrl(large, session)} 1024w, ${src} ${item.width ?? 2048}w` : undefined}
      sizes="(max-width: 56rem) 100vw, 56rem"
      alt={item.title}
      width={item.width}
      height={item.height}
      w="100%"
      h="auto"
      rounded="md"
    />
  );
}

/** A named guest approves the item or asks for changes, with a note. */
function Verdict({ token, session, item }: { token: string; session: string | null; item: SharedItem }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [note, setNote] = useState("");
  const send = useMutation({
    mutationFn: (status: "approved" | "changes_requested") =>
      reviewShared(token, session, { contentId: item.id, status, guestName: name.trim(), ...(note.trim() ? { note: note.trim() } : {}) }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["shared", token] }),
  });
  if (item.reviewStatus !== "in_review") {
    return (
      <Text mt="4" color="fg.muted" fontSize="sm">
        {item.reviewStatus === "approved" ? "Approved." : "This item is not waiting for review right now."}
      </Text>
    );
  }
  const ready = name.trim().length > 0;
  return (
    <Stack gap="3" mt="5" borderTopWidth="1px" pt="4">
      <Field.Root required>
        <Field.Label>Your name</Field.Label>
        <Input value={name} maxLength={80} autoComplete="name" onChange={(e) => setName(e.target.value)} />
      </Field.Root>
      <Field.Root>
        <Field.Label>Note (optional)</Field.Label>
        <Textarea value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
      </Field.Root>
      {send.isError && (
        <Alert.Root status="error" size="sm" role="alert">
          <Alert.Indicator />
          <Alert.Title>{messageOf(send.error)}</Alert.Title>
        </Alert.Root>
      )}
      <Flex gap="2" wrap="wrap">
        <Button colorPalette="green" disabled={!ready} loading={send.isPending && send.variables === "approved"} onClick={() => send.mutate("approved")}>
          Approve
        </Button>
        <Button variant="outline" disabled={!ready} loading={send.isPending && send.variables === "changes_requested"}
          onClick={() => send.mutate("changes_requested")}>
          Request changes
        </Button>
      </Flex>
    </Stack>
  );
}
