import { Badge, Box, Button, Card, Field, Flex, Heading, Input, Link, NativeSelect, Skeleton, Stack, Text } from "@chakra-ui/react";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Content, Publication, Role } from "../../lib/api-types";
import { messageOf } from "../../lib/problem";
import { canCancel, inFlight, localToInstant, publicationState } from "../../lib/publishing";
import { listMedia } from "../../lib/contents-api";
import { cancelPublication, listConnections, listItemPublications, publishItem, retryPublication } from "../../lib/publishing-api";
import { useApi } from "../../session";

/**
 * The item's publishing: where it was or will be published, with status, remote link and error;
 * for editors, a form to publish it now or at a time (in the person's own time zone) through one
 * of the project's connections, and cancel or try again.
 */
export function PublishPanel({ projectId, item, role }: { projectId: string; item: Content; role: Role | undefined }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const editor = role === "owner" || role === "editor";
  const key = ["publications", projectId, item.id];
  const list = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => listItemPublications(api, projectId, item.id, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: role !== undefined,
    refetchInterval: (q) => (inFlight(q.state.data?.pages.flatMap((p) => p.items) ?? []) ? 2000 : false),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: key });
  const act = useMutation({
    mutationFn: ({ what, id }: { what: "cancel" | "retry"; id: string }) =>
      what === "cancel" ? cancelPublication(api, projectId, id) : retryPublication(api, projectId, id),
    onSuccess: refresh,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const inReview = item.reviewStatus === "in_review" || item.reviewStatus === "changes_requested";
  return (
    <Card.Root variant="outline" data-testid="publish-panel">
      <Card.Body gap="3">
        <Heading size="sm">Publishing</Heading>
        {editor && item.kind !== "video" && (
          inReview ? (
            <Text fontSize="sm" color="fg.muted">This item is in review; it can be published once approved.</Text>
          ) : (
            <PublishForm projectId={projectId} item={item} onDone={refresh} />
          )
        )}
        {list.isPending ? (
          <Skeleton height="10" />
        ) : list.isError ? (
          <Text color="fg.error">{messageOf(list.error)}</Text>
        ) : items.length === 0 ? (
          <Text fontSize="sm" color="fg.muted">Not published anywhere yet.</Text>
        ) : (
          <Stack gap="2">
            {items.map((p) => (
              <PublicationRow key={p.id} p={p} editor={editor} busy={act.isPending && act.variables?.id === p.id}
                onCancel={() => act.mutate({ what: "cancel", id: p.id })} onRetry={() => act.mutate({ what: "retry", id: p.id })} />
            ))}
          </Stack>
        )}
        {act.isError && <Text color="fg.error" role="alert">{messageOf(act.error)}</Text>}
      </Card.Body>
    </Card.Root>
  );
}

function PublicationRow({ p, editor, busy, onCancel, onRetry }: {
  p: Publication;
  editor: boolean;
  busy: boolean;
  onCancel: () => void;
  onRetry: () => void;
}) {
  const state = publicationState(p);
  return (
    <Box borderWidth="1px" rounded="md" p="2" data-testid="publication">
      <Flex gap="2" wrap="wrap" align="center">
        <Badge colorPalette={state.palette}>{state.label}</Badge>
        <Text fontSize="sm">{p.connectionName}</Text>
        <Text fontSize="sm" color="fg.muted">
          {p.status === "published" && p.publishedAt
            ? new Date(p.publishedAt).toLocaleString()
            : `for ${new Date(p.publishAt).toLocaleString()}`}
        </Text>
        {p.remoteUrl && (
          <Link href={p.remoteUrl} target="_blank" rel="noopener noreferrer" fontSize="sm" colorPalette="blue">
            Open
          </Link>
        )}
      </Flex>
      {p.error && <Text fontSize="sm" color={p.status === "failed" ? "fg.error" : "fg.muted"}>{p.error}</Text>}
      {editor && (canCancel(p) || p.status === "failed") && (
        <Flex gap="2" mt="1">
          {canCancel(p) && <Button size="xs" variant="outline" loading={busy} onClick={onCancel}>Cancel</Button>}
          {p.status === "failed" && <Button size="xs" variant="outline" loading={busy} onClick={onRetry}>Try again</Button>}
        </Flex>
      )}
    </Box>
  );
}

function PublishForm({ projectId, item, onDone }: { projectId: string; item: Content; onDone: () => void }) {
  const api = useApi();
  const connections = useQuery({ queryKey: ["connections", projectId], queryFn: () => listConnections(api, projectId) });
  const [connectionId, setConnectionId] = useState("");
  const [mode, setMode] = useState<"publish" | "draft">("publish");
  const [when, setWhen] = useState<"now" | "later">("now");
  const [at, setAt] = useState("");
  const [tags, setTags] = useState("");
  const [image, setImage] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  // A text may go with one of the project's images (the first page of them, newest first).
  const images = useQuery({
    queryKey: ["publish-images", projectId],
    queryFn: () => listMedia(api, projectId, "image", null),
    enabled: item.kind === "text",
  });
  const list = connections.data?.items ?? [];
  const chosen = list.find((c) => c.id === connectionId) ?? list[0];
  const publish = useMutation({
    mutationFn: () => {
      const publishAt = when === "later" ? localToInstant(at) : null;
      return publishItem(api, projectId, item.id, {
        connectionId: chosen?.id ?? "",
        mode: chosen?.channel === "mastodon" ? "publish" : mode,
        publishAt: publishAt ?? undefined,
        tags: tags.split(",").map((t) => t.trim()).filter((t) => t.length > 0),
        imageContentId: item.kind === "text" && image ? image : undefined,
      });
    },
    onSuccess: () => {
      setTags("");
      onDone();
    },
  });
  if (connections.isPending) return <Skeleton height="10" />;
  if (list.length === 0) {
    return <Text fontSize="sm" color="fg.muted">No connections yet: an owner adds them under Connections.</Text>;
  }
  return (
    <Stack as="form" gap="2"
      onSubmit={(e) => {
        e.preventDefault();
        if (when === "later" && !localToInstant(at)) {
          setProblem("Pick the date and time to publish at.");
          return;
        }
        setProblem(null);
        publish.mutate();
      }}
    >
      <Flex gap="3" wrap="wrap" align="end">
        <Field.Root w="auto">
          <Field.Label>Connection</Field.Label>
          <NativeSelect.Root size="sm">
            <NativeSelect.Field value={chosen?.id} onChange={(e) => setConnectionId(e.target.value)}>
              {list.map((c) => <option key={c.id} value={c.id}>{c.name} ({c.channel})</option>)}
            </NativeSelect.Field>
            <NativeSelect.Indicator />
          </NativeSelect.Root>
        </Field.Root>
        {chosen?.channel !== "mastodon" && (
          <Field.Root w="auto">
            <Field.Label>As</Field.Label>
            <NativeSelect.Root size="sm">
              <NativeSelect.Field value={mode} onChange={(e) => setMode(e.target.value as "publish" | "draft")}>
                <option value="publish">Published</option>
                <option value="draft">A draft</option>
              </NativeSelect.Field>
              <NativeSelect.Indicator />
            </NativeSelect.Root>
          </Field.Root>
        )}
        <Field.Root w="auto">
          <Field.Label>When</Field.Label>
          <NativeSelect.Root size="sm">
            <NativeSelect.Field value={when} onChange={(e) => setWhen(e.target.value as "now" | "later")}>
              <option value="now">Now</option>
              <option value="later">At a time</option>
            </NativeSelect.Field>
            <NativeSelect.Indicator />
          </NativeSelect.Root>
        </Field.Root>
        {when === "later" && (
          <Field.Root w="auto">
            <Field.Label>When (your time)</Field.Label>
            <Input size="sm" type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
          </Field.Root>
        )}
      </Flex>
      {item.kind === "text" && (images.data?.items.length ?? 0) > 0 && (
        <Field.Root w="auto">
          <Field.Label>Image</Field.Label>
          <NativeSelect.Root size="sm">
            <NativeSelect.Field value={image} onChange={(e) => setImage(e.target.value)}>
              <option value="">None</option>
              {images.data?.items.map((m) => <option key={m.id} value={m.id}>{m.title}</option>)}
            </NativeSelect.Field>
            <NativeSelect.Indicator />
          </NativeSelect.Root>
          <Field.HelperText>WordPress's featured image, Mastodon's attachment.</Field.HelperText>
        </Field.Root>
      )}
      <Field.Root>
        <Field.Label>Tags (comma-separated)</Field.Label>
        <Input size="sm" value={tags} onChange={(e) => setTags(e.target.value)} placeholder="news, spring" />
      </Field.Root>
      {(problem || publish.isError) && <Text color="fg.error" role="alert" fontSize="sm">{problem ?? messageOf(publish.error)}</Text>}
      <Button type="submit" size="sm" colorPalette="blue" alignSelf="start" loading={publish.isPending}>
        {when === "now" ? "Publish" : "Schedule"}
      </Button>
    </Stack>
  );
}
