import { Alert, Badge, Box, Button, Container, Field, Flex, Heading, Image, Input, Skeleton, Stack, Text, Textarea } from "@chakra-ui/react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { FormattedText } from "../components/FormattedText";
import type { SharedItem, SharedPage } from "../lib/api-types";
import { ApiError, messageOf } from "../lib/problem";
import { commentShared, openShare, reviewShared, sharedThreads, unlockShare } from "../lib/shares-api";
import { useIdempotentMutation } from "../components/useIdempotentMutation";
import type { Comment, Thread } from "../lib/api-types";
import { guestMediaUrl, sessionKey } from "../lib/shares";

function storedSession(token: string): string | null {
  try {
    return sessionStorage.getItem(sessionKey(token));
  } catch {
    return null;
  }
}

/** The name a guest gave, kept in this browser so they type it once per link. */
function useGuestName(token: string): [string, (name: string) => void] {
  const key = `share-name:${token.slice(0, 12)}`;
  const [name, setName] = useState(() => {
    try {
      return localStorage.getItem(key) ?? "";
    } catch {
      return "";
    }
  });
  return [
    name,
    (next: string) => {
      setName(next);
      try {
        localStorage.setItem(key, next);
      } catch {
        // storage refused (a private window): the name lasts this page only
      }
    },
  ];
}

/**
 * What a share link shows: a password prompt when it has one, then its items read-only, with their
 * comment threads and a comment form for a comment or approve link, and the verdict form for an
 * approve link.
 */
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
  const [name, setName] = useGuestName(token);
  const comments = page.permission === "comment" || page.permission === "approve";
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
          {comments && (
            <Field.Root required mt="5" borderTopWidth="1px" pt="4">
              <Field.Label>Your name</Field.Label>
              <Input value={name} maxLength={80} autoComplete="name" onChange={(e) => setName(e.target.value)} />
              <Field.HelperText>Shown with your comments{page.permission === "approve" ? " and your verdict" : ""}.</Field.HelperText>
            </Field.Root>
          )}
          {page.permission === "approve" && <Verdict token={token} session={session} item={item} name={name} />}
          {comments && <GuestComments token={token} session={session} item={item} name={name} />}
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
function Verdict({ token, session, item, name }: GuestProps) {
  const queryClient = useQueryClient();
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
    <Stack gap="3" mt="5">
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

type GuestProps = { token: string; session: string | null; item: SharedItem; name: string };

/** The item's comment threads as the link shows them, a reply under each, and a form for a new one. */
function GuestComments({ token, session, item, name }: GuestProps) {
  const threads = useQuery({
    queryKey: ["shared", token, "comments", item.id],
    queryFn: () => sharedThreads(token, session, item.id),
  });
  return (
    <Stack gap="3" mt="5" borderTopWidth="1px" pt="4" aria-label={`Comments on ${item.title}`}>
      <Heading as="h3" size="md">
        Comments
      </Heading>
      {threads.isPending ? (
        <Skeleton height="12" />
      ) : threads.isError ? (
        <Text color="fg.error">{messageOf(threads.error)}</Text>
      ) : threads.data.items.length === 0 ? (
        <Text color="fg.muted" fontSize="sm">
          No comments yet.
        </Text>
      ) : (
        threads.data.items.map((t) => <GuestThread key={t.id} thread={t} token={token} session={session} item={item} name={name} />)
      )}
      <GuestCommentForm token={token} session={session} item={item} name={name} label="Comment" />
    </Stack>
  );
}

function GuestThread({ thread, ...props }: GuestProps & { thread: Thread }) {
  const [replying, setReplying] = useState(false);
  return (
    <Box borderWidth="1px" rounded="md" p="3" opacity={thread.resolved ? 0.7 : 1}>
      {thread.anchor?.quote && (
        <Text fontSize="sm" color="fg.muted" borderStartWidth="3px" ps="2" mb="2">
          “{thread.anchor.quote}”
        </Text>
      )}
      <GuestCommentLine comment={thread} />
      {thread.replies.map((r) => (
        <Box key={r.id} ps="4" mt="2">
          <GuestCommentLine comment={r} />
        </Box>
      ))}
      {thread.resolved ? (
        <Text fontSize="xs" color="fg.muted" mt="2">
          Resolved
        </Text>
      ) : replying ? (
        <Box mt="2">
          <GuestCommentForm {...props} parentId={thread.id} label="Reply" onDone={() => setReplying(false)} />
        </Box>
      ) : (
        <Button size="xs" variant="ghost" mt="1" onClick={() => setReplying(true)}>
          Reply
        </Button>
      )}
    </Box>
  );
}

function GuestCommentLine({ comment }: { comment: Comment }) {
  if (comment.deleted) {
    return (
      <Text fontSize="sm" color="fg.muted">
        Comment deleted
      </Text>
    );
  }
  return (
    <Box>
      <Text fontSize="sm" fontWeight="semibold">
        {comment.author?.name}{" "}
        <Text as="span" fontWeight="normal" color="fg.muted">
          {new Date(comment.createdAt).toLocaleString()}
        </Text>
      </Text>
      <Text whiteSpace="pre-wrap">{comment.body}</Text>
    </Box>
  );
}

/** A new comment (or, with `parentId`, a reply) under the guest's name, sent once however often it is retried. */
function GuestCommentForm({ token, session, item, name, parentId, label, onDone }: GuestProps & {
  parentId?: string;
  label: string;
  onDone?: () => void;
}) {
  const queryClient = useQueryClient();
  const [body, setBody] = useState("");
  const send = useIdempotentMutation({
    mutationFn: (_: void, key) =>
      commentShared(token, session, { contentId: item.id, guestName: name.trim(), body: body.trim(), ...(parentId ? { parentId } : {}) }, key()),
    onSuccess: () => {
      setBody("");
      onDone?.();
      void queryClient.invalidateQueries({ queryKey: ["shared", token, "comments", item.id] });
    },
  });
  const ready = name.trim().length > 0 && body.trim().length > 0;
  return (
    <Box
      as="form"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        if (ready) send.mutate();
      }}
    >
      <Stack gap="2">
        <Field.Root>
          <Field.Label srOnly={!!parentId}>{parentId ? "Reply" : "Your comment"}</Field.Label>
          <Textarea
            value={body}
            maxLength={5000}
            rows={parentId ? 2 : 3}
            onChange={(e) => {
              setBody(e.target.value);
              send.newIntent();
            }}
          />
        </Field.Root>
        {send.isError && (
          <Alert.Root status="error" size="sm" role="alert">
            <Alert.Indicator />
            <Alert.Title>{messageOf(send.error)}</Alert.Title>
          </Alert.Root>
        )}
        {!name.trim() && (
          <Text fontSize="xs" color="fg.muted">
            Give your name above first.
          </Text>
        )}
        <Button type="submit" size="sm" alignSelf="start" disabled={!ready} loading={send.isPending}>
          {label}
        </Button>
      </Stack>
    </Box>
  );
}
