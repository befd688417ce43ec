import { Alert, Badge, Box, Button, Flex, Heading, Skeleton, Stack, Text } from "@chakra-ui/react";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { AuthImage } from "../../components/Media";
import { Segmented } from "../../components/Segmented";
import { useCollabApi } from "../../components/useCollabApi";
import { useMembers } from "../../components/useMembers";
import { pointAnchor, segments, selectionAnchor } from "../../lib/anchors";
import type { Anchor, Comment, Content, Member, Thread } from "../../lib/api-types";
import type { ThreadFilter } from "../../lib/collab-api";
import { IntentKeys } from "../../lib/idempotent-mutation";
import type { Mentionable } from "../../lib/mentions";
import { messageOf } from "../../lib/problem";
import { queryKeys } from "../../lib/query-keys";
import { useSession } from "../../session";
import { CommentComposer } from "./CommentComposer";

type NewAnchor = Extract<Anchor, { type: "text" | "point" }>;

function nameOf(m: Member): string {
  return m.displayName?.trim() || m.email?.split("@")[0] || "A member";
}

/**
 * The comments of the shown version: threads with replies; on a text, passages marked in the text
 * (select a passage to comment on it); on an image, numbered markers (press the picture to comment
 * on a point). Every member may comment, resolve and reopen; people edit and delete their own
 * comments, owners may delete anyone's.
 */
export function Comments({ projectId, item, isOwner }: { projectId: string; item: Content; isOwner: boolean }) {
  const collab = useCollabApi();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const [params] = useSearchParams();
  const focus = params.get("comment");
  const [filter, setFilter] = useState<ThreadFilter>(focus ? "all" : "open");
  const [anchor, setAnchor] = useState<NewAnchor | null>(null);
  const [status, setStatus] = useState("");
  const keys = useRef(new IntentKeys());
  const version = item.currentVersion;

  // The one members query of the app (an infinite query under this key; a plain query under the
  // same key read the other's pages as empty, and offered nobody to mention).
  const members = useMembers(projectId);
  const people: Mentionable[] = useMemo(
    () =>
      (members.data?.pages.flatMap((page) => page.items) ?? [])
        .filter((m: Member) => m.uid !== user?.uid)
        .map((m: Member) => ({ uid: m.uid, name: nameOf(m) })),
    [members.data, user?.uid],
  );
  const threads = useInfiniteQuery({
    queryKey: queryKeys.commentThreads(projectId, item.id, version, filter),
    queryFn: ({ pageParam }) => collab.threads(projectId, item.id, version, filter, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchOnWindowFocus: true,
  });
  const all: Thread[] = threads.data?.pages.flatMap((p) => p.items) ?? [];
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.comments(projectId, item.id) });

  const post = useMutation({
    mutationFn: (body: { body: string; mentions: string[]; anchor?: NewAnchor; parentId?: string }) =>
      collab.post(projectId, item.id, { ...body, version }, keys.current.key()),
    onSuccess: () => {
      keys.current.forget();
      setAnchor(null);
      setStatus("Comment posted.");
      void refresh();
    },
  });

  // A link to a comment (from a notification) brings its thread into view.
  useEffect(() => {
    if (!focus || all.length === 0) return;
    const thread = all.find((t) => t.id === focus || t.replies.some((r) => r.id === focus));
    if (thread) document.getElementById(`thread-${thread.id}`)?.scrollIntoView({ block: "center" });
  }, [focus, all.length]);

  const numbered = all.filter((t) => t.anchor?.type === "point");
  return (
    <Box as="section" aria-labelledby="comments-title">
      <Flex align="center" gap="3" wrap="wrap" mb="3">
        <Heading as="h2" id="comments-title" size="lg">
          Comments
        </Heading>
        <Segmented
          label="Which threads"
          options={[
            { value: "open", label: "Open" },
            { value: "resolved", label: "Resolved" },
            { value: "all", label: "All" },
          ]}
          value={filter}
          onChange={setFilter}
        />
      </Flex>
      <Text srOnly role="status" aria-live="polite">
        {status}
      </Text>

      {item.kind === "text" && (
        <MarkedText text={item.current?.text ?? ""} threads={all} onSelectPassage={setAnchor} />
      )}
      {item.kind === "image" && item.current?.mediaUrl && (
        <PointPicker item={item} threads={numbered} pending={anchor?.type === "point" ? anchor : null} onPoint={setAnchor} />
      )}

      <Box bg="bg" borderWidth="1px" rounded="lg" p="4" my="4">
        {anchor && (
          <Flex gap="2" align="center" mb="2" wrap="wrap">
            <Text fontSize="sm" color="fg.muted">
              {anchor.type === "text" ? <>On the passage “{clip(anchor.quote ?? "")}”</> : <>On the marked point of the picture</>}
            </Text>
            <Button size="xs" variant="ghost" onClick={() => setAnchor(null)}>
              Comment on the whole item instead
            </Button>
          </Flex>
        )}
        <CommentComposer
          key={post.isSuccess ? String(post.submittedAt) : "new"}
          label={anchor ? "Comment on the selection" : "New comment"}
          people={people}
          submitLabel="Comment"
          pending={post.isPending}
          onSubmit={(body, mentions) => post.mutate({ body, mentions, ...(anchor ? { anchor } : {}) })}
        />
        {post.isError && <ErrorLine error={post.error} />}
      </Box>

      {threads.isPending && <Skeleton h="20" />}
      {threads.isError && <ErrorLine error={threads.error} prefix="Couldn't load the comments." />}
      {threads.isSuccess && all.length === 0 && (
        <Text color="fg.muted">{filter === "resolved" ? "No resolved threads." : "No comments yet."}</Text>
      )}
      <Stack as="ol" gap="3" listStyleType="none" aria-label="Threads">
        {all.map((t) => (
          <ThreadCard
            key={t.id}
            projectId={projectId}
            item={item}
            thread={t}
            number={numbered.indexOf(t) + 1}
            people={people}
            me={user?.uid ?? ""}
            isOwner={isOwner}
            focused={focus === t.id || t.replies.some((r) => r.id === focus)}
            onChanged={(message) => {
              setStatus(message);
              void refresh();
            }}
          />
        ))}
      </Stack>
      {threads.hasNextPage && (
        <Button mt="3" size="sm" variant="outline" loading={threads.isFetchingNextPage} onClick={() => threads.fetchNextPage()}>
          More threads
        </Button>
      )}
    </Box>
  );
}

function clip(s: string, max = 80): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

function ErrorLine({ error, prefix }: { error: unknown; prefix?: string }) {
  return (
    <Alert.Root status="error" size="sm" role="alert" mt="2">
      <Alert.Indicator />
      <Alert.Title>
        {prefix ? `${prefix} ` : ""}
        {messageOf(error)}
      </Alert.Title>
    </Alert.Root>
  );
}

/** The version's text with the passages of threads marked; selecting a passage offers to comment on it. */
function MarkedText({ text, threads, onSelectPassage }: { text: string; threads: Thread[]; onSelectPassage: (a: NewAnchor) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState<NewAnchor | null>(null);
  const marks = threads
    .filter((t) => t.anchor?.type === "text" && !t.anchor.detached && t.anchor.start !== undefined && t.anchor.end !== undefined)
    .map((t) => ({ id: t.id, start: t.anchor!.start!, end: t.anchor!.end! }));
  const parts = segments(text, marks);

  useEffect(() => {
    const onChange = () => {
      const sel = document.getSelection();
      const el = box.current;
      if (!sel || sel.rangeCount === 0 || !el || sel.isCollapsed) return setSelected(null);
      const range = sel.getRangeAt(0);
      if (!el.contains(range.startContainer) || !el.contains(range.endContainer)) return setSelected(null);
      const offset = (node: Node, at: number) => {
        const r = document.createRange();
        r.setStart(el, 0);
        r.setEnd(node, at);
        return r.toString().length;
      };
      setSelected(selectionAnchor(text, offset(range.startContainer, range.startOffset), offset(range.endContainer, range.endOffset)));
    };
    document.addEventListener("selectionchange", onChange);
    return () => document.removeEventListener("selectionchange", onChange);
  }, [text]);

  return (
    <Box bg="bg" borderWidth="1px" rounded="lg" p={{ base: "3", md: "4" }}>
      <Text fontSize="sm" color="fg.muted" mb="2">
        Select a passage to comment on it. Marked passages have comments.
      </Text>
      <Box
        ref={box}
        aria-label="Text of this version"
        whiteSpace="pre-wrap"
        wordBreak="break-word"
        maxH="60dvh"
        overflowY="auto"
        lineHeight="tall"
      >
        {parts.map((p) =>
          p.threads.length === 0 ? (
            <span key={p.start}>{p.text}</span>
          ) : (
            <Box
              as="mark"
              key={p.start}
              bg="yellow.subtle"
              color="inherit"
              rounded="sm"
              cursor="pointer"
              title="Show the comments on this passage"
              onClick={() => document.getElementById(`thread-${p.threads[0]}`)?.scrollIntoView({ block: "center", behavior: "smooth" })}
            >
              {p.text}
            </Box>
          ),
        )}
      </Box>
      <Button
        mt="3"
        size="sm"
        variant="outline"
        disabled={!selected}
        onMouseDown={(event: React.MouseEvent) => event.preventDefault()}
        onClick={() => selected && onSelectPassage(selected)}
      >
        Comment on selection
      </Button>
    </Box>
  );
}

/** The picture with a numbered marker per point comment; pressing it marks a new point to comment on. */
function PointPicker({
  item,
  threads,
  pending,
  onPoint,
}: {
  item: Content;
  threads: Thread[];
  pending: NewAnchor | null;
  onPoint: (a: NewAnchor) => void;
}) {
  const current = item.current!;
  const w = current.width ?? 1024;
  const h = current.height ?? 1024;
  const marker = (key: string, x: number, y: number, label: string, text: string, strong: boolean) => (
    <Box
      key={key}
      position="absolute"
      left={`${x * 100}%`}
      top={`${y * 100}%`}
      transform="translate(-50%, -50%)"
      w="7"
      h="7"
      rounded="full"
      bg={strong ? "orange.solid" : "blue.solid"}
      color="white"
      fontSize="xs"
      fontWeight="bold"
      display="flex"
      alignItems="center"
      justifyContent="center"
      borderWidth="2px"
      borderColor="white"
      aria-label={label}
      role="img"
      pointerEvents="none"
    >
      {text}
    </Box>
  );
  return (
    <Box bg="bg" borderWidth="1px" rounded="lg" p={{ base: "3", md: "4" }}>
      <Text fontSize="sm" color="fg.muted" mb="2">
        Press a point of the picture to comment on it.
      </Text>
      <Box
        as="button"
        position="relative"
        display="block"
        w="full"
        maxW={`min(100%, ${w}px)`}
        mx="auto"
        aspectRatio={`${w} / ${h}`}
        maxH="70dvh"
        cursor="crosshair"
        aria-label="Mark a point of the picture to comment on"
        onClick={(event: React.MouseEvent<HTMLElement>) => {
          const box = event.currentTarget.getBoundingClientRect();
          // A press from the keyboard has no position: it marks the middle.
          const keyboard = event.clientX === 0 && event.clientY === 0;
          onPoint(keyboard ? { type: "point", x: 0.5, y: 0.5 } : pointAnchor(box, event.clientX, event.clientY));
        }}
      >
        <AuthImage url={current.renditions?.["thumb-1024"] ?? current.mediaUrl} alt="" width={w} height={h} lazy={false} fit="contain" />
        {threads.map((t, i) => marker(t.id, t.anchor!.x ?? 0, t.anchor!.y ?? 0, `Comment ${i + 1}`, String(i + 1), false))}
        {pending && marker("pending", pending.x ?? 0, pending.y ?? 0, "The point of the new comment", "+", true)}
      </Box>
    </Box>
  );
}

function when(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/** One thread: its first comment, its replies, and what the signed-in person may do with them. */
function ThreadCard({
  projectId,
  item,
  thread,
  number,
  people,
  me,
  isOwner,
  focused,
  onChanged,
}: {
  projectId: string;
  item: Content;
  thread: Thread;
  number: number;
  people: Mentionable[];
  me: string;
  isOwner: boolean;
  focused: boolean;
  onChanged: (message: string) => void;
}) {
  const collab = useCollabApi();
  const [replying, setReplying] = useState(false);
  const keys = useRef(new IntentKeys());
  const reply = useMutation({
    mutationFn: (b: { body: string; mentions: string[] }) => collab.post(projectId, item.id, { ...b, parentId: thread.id }, keys.current.key()),
    onSuccess: () => {
      keys.current.forget();
      setReplying(false);
      onChanged("Reply posted.");
    },
  });
  const resolve = useMutation({
    mutationFn: (resolved: boolean) => collab.resolve(projectId, item.id, thread.id, resolved),
    onSuccess: (c) => onChanged(c.resolved ? "Thread resolved." : "Thread reopened."),
  });
  const anchor = thread.anchor;
  const titleId = `thread-${thread.id}-title`;
  return (
    <Box
      as="li"
      id={`thread-${thread.id}`}
      aria-labelledby={titleId}
      bg="bg"
      borderWidth={focused ? "2px" : "1px"}
      borderColor={focused ? "blue.solid" : undefined}
      rounded="lg"
      p={{ base: "3", md: "4" }}
    >
      <Flex gap="2" align="center" wrap="wrap" mb="2">
        <Text id={titleId} srOnly>
          Thread by {thread.author?.name ?? "a deleted comment"}
        </Text>
        {number > 0 && <Badge colorPalette="blue">Point {number}</Badge>}
        {thread.resolved && <Badge colorPalette="green">Resolved</Badge>}
        {thread.version !== item.currentVersion && <Badge>On version {thread.version}</Badge>}
        <Button size="xs" variant="outline" ms="auto" loading={resolve.isPending} onClick={() => resolve.mutate(!thread.resolved)}>
          {thread.resolved ? "Reopen" : "Resolve"}
        </Button>
      </Flex>
      {anchor?.type === "text" &&
        (anchor.detached ? (
          <Text fontSize="sm" color="fg.muted" mb="2">
            The passage “{clip(anchor.quote ?? "")}” is no longer in this version.
          </Text>
        ) : (
          <Text fontSize="sm" color="fg.muted" mb="2" borderStartWidth="3px" borderColor="yellow.solid" ps="2">
            “{clip(anchor.quote ?? "", 200)}”
          </Text>
        ))}
      <CommentBody projectId={projectId} contentId={item.id} comment={thread} people={people} me={me} isOwner={isOwner} onChanged={onChanged} />
      {thread.replies.length > 0 && (
        <Stack as="ol" listStyleType="none" gap="2" mt="3" ps={{ base: "3", md: "6" }} borderStartWidth="2px" aria-label="Replies">
          {thread.replies.map((r) => (
            <Box as="li" key={r.id} id={`comment-${r.id}`}>
              <CommentBody projectId={projectId} contentId={item.id} comment={r} people={people} me={me} isOwner={isOwner} onChanged={onChanged} />
            </Box>
          ))}
        </Stack>
      )}
      {resolve.isError && <ErrorLine error={resolve.error} />}
      <Box mt="3">
        {replying ? (
          <>
            <CommentComposer label="Reply" people={people} submitLabel="Reply" pending={reply.isPending} onSubmit={(body, mentions) => reply.mutate({ body, mentions })} onCancel={() => setReplying(false)} />
            {reply.isError && <ErrorLine error={reply.error} />}
          </>
        ) : (
          <Button size="xs" variant="ghost" onClick={() => setReplying(true)}>
            Reply
          </Button>
        )}
      </Box>
    </Box>
  );
}

/** A comment's author, time and words, with edit and delete where the signed-in person may. */
function CommentBody({
  projectId,
  contentId,
  comment,
  people,
  me,
  isOwner,
  onChanged,
}: {
  projectId: string;
  contentId: string;
  comment: Comment;
  people: Mentionable[];
  me: string;
  isOwner: boolean;
  onChanged: (message: string) => void;
}) {
  const collab = useCollabApi();
  const [editing, setEditing] = useState(false);
  const edit = useMutation({
    mutationFn: (b: { body: string; mentions: string[] }) => collab.edit(projectId, contentId, comment.id, b.body, b.mentions),
    onSuccess: () => {
      setEditing(false);
      onChanged("Comment saved.");
    },
  });
  const remove = useMutation({
    mutationFn: () => collab.remove(projectId, contentId, comment.id),
    onSuccess: () => onChanged("Comment deleted."),
  });
  if (comment.deleted) {
    return (
      <Text color="fg.muted" fontStyle="italic">
        Comment deleted
      </Text>
    );
  }
  const mine = comment.author?.uid === me;
  const mentioned = people.filter((p) => comment.mentions?.includes(p.uid));
  return (
    <Box>
      <Flex gap="2" align="baseline" wrap="wrap">
        <Text fontWeight="semibold">{comment.author?.name}</Text>
        <Text fontSize="xs" color="fg.muted">
          {when(comment.createdAt)}
          {comment.editedAt ? " (edited)" : ""}
        </Text>
      </Flex>
      {editing ? (
        <CommentComposer
          label="Edit comment"
          people={people}
          initial={comment.body}
          initialMentions={mentioned}
          submitLabel="Save"
          pending={edit.isPending}
          onSubmit={(body, mentions) => edit.mutate({ body, mentions })}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <Text whiteSpace="pre-wrap" wordBreak="break-word">
          {comment.body}
        </Text>
      )}
      {!editing && (mine || isOwner) && (
        <Flex gap="1" mt="1">
          {mine && (
            <Button size="xs" variant="ghost" onClick={() => setEditing(true)} aria-label={`Edit your comment of ${when(comment.createdAt)}`}>
              Edit
            </Button>
          )}
          <Button
            size="xs"
            variant="ghost"
            colorPalette="red"
            loading={remove.isPending}
            aria-label={`Delete the comment by ${comment.author?.name} of ${when(comment.createdAt)}`}
            onClick={() => {
              if (window.confirm("Delete this comment?")) remove.mutate();
            }}
          >
            Delete
          </Button>
        </Flex>
      )}
      {(edit.isError || remove.isError) && <ErrorLine error={edit.error ?? remove.error} />}
    </Box>
  );
}
