import { Box, Button, Card, Field, Flex, Heading, Link, Skeleton, Stack, Text, Textarea } from "@chakra-ui/react";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link as RouterLink } from "react-router";
import { ReviewBadge } from "../../components/ReviewBadge";
import { useMembers } from "../../components/useMembers";
import { relativeTime } from "../../lib/content-view";
import { messageOf } from "../../lib/problem";
import { queryKeys } from "../../lib/query-keys";
import { noteProblem, reviewMoves, statusLabel, type ReviewMove } from "../../lib/review";
import { listReviews, reviewContent } from "../../lib/review-api";
import { useApi, useSession } from "../../session";
import { ProblemAlert } from "./ProblemAlert";
import type { Content, Role, Tagged } from "../../lib/api-types";

/**
 * The item's review: its state, the moves the signed-in person may make (with a note), and its
 * history, newest first. Whether the person is a named reviewer comes from the members list.
 */
export function ReviewPanel({
  projectId,
  tagged,
  role,
  onReload,
}: {
  projectId: string;
  tagged: Tagged<Content>;
  role: Role | undefined;
  onReload: () => void;
}) {
  const api = useApi();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const item = tagged.value;
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | null>(null);
  // The same query as the Members page, so both share what was read.
  const members = useMembers(projectId, role !== undefined && role !== "owner");
  const me = members.data?.pages.flatMap((page) => page.items).find((m) => m.uid === user?.uid);
  const moves = reviewMoves(item.reviewStatus, role, me?.reviewer ?? false);

  const history = useInfiniteQuery({
    queryKey: queryKeys.contentReviews(projectId, item.id),
    queryFn: ({ pageParam }) => listReviews(api, projectId, item.id, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const entries = history.data?.pages.flatMap((page) => page.items) ?? [];

  const move = useMutation({
    mutationFn: (m: ReviewMove) => reviewContent(api, projectId, item.id, tagged.etag, m.to, note),
    onSuccess: (result) => {
      queryClient.setQueryData(queryKeys.contentItem(projectId, item.id), result);
      void queryClient.invalidateQueries({ queryKey: queryKeys.contents(projectId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.activity(projectId) });
      setNote("");
    },
  });
  const choose = (m: ReviewMove) => {
    const problem = noteProblem(note, m);
    setNoteError(problem);
    if (!problem) move.mutate(m);
  };

  return (
    <Card.Root as="section" aria-labelledby="review-title" size="sm">
      <Card.Body gap="4">
        <Flex gap="3" align="center" wrap="wrap">
          <Heading as="h2" id="review-title" size="md" flex="1">
            Review
          </Heading>
          <ReviewBadge status={item.reviewStatus} size="lg" />
        </Flex>
        {moves.length > 0 ? (
          <Stack gap="3">
            <Field.Root invalid={noteError !== null}>
              <Field.Label>Note (optional; needed when asking for changes)</Field.Label>
              <Textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={2000} resize="vertical" />
              {noteError && <Field.ErrorText>{noteError}</Field.ErrorText>}
            </Field.Root>
            <Flex gap="2" wrap="wrap">
              {moves.map((m, i) => (
                <Button
                  key={m.to}
                  size="sm"
                  variant={i === 0 ? "solid" : "outline"}
                  colorPalette={m.to === "approved" ? "green" : m.to === "changes_requested" ? "orange" : undefined}
                  loading={move.isPending && move.variables?.to === m.to}
                  disabled={move.isPending}
                  onClick={() => choose(m)}
                >
                  {m.label}
                </Button>
              ))}
            </Flex>
            <ProblemAlert
              error={move.error}
              onReload={() => {
                move.reset();
                onReload();
              }}
            />
          </Stack>
        ) : (
          <Text fontSize="sm" color="fg.muted">
            {role === "viewer"
              ? "Viewers follow the review here; an owner can name you a reviewer to approve or ask for changes."
              : role === undefined
                ? ""
                : `Nothing to do from ${statusLabel(item.reviewStatus).toLowerCase()} for you now.`}
          </Text>
        )}

        <Box>
          <Flex gap="2" align="center" mb="2" wrap="wrap">
            <Heading as="h3" size="sm" flex="1">
              History
            </Heading>
            <Link asChild fontSize="sm">
              <RouterLink to={`/projects/${encodeURIComponent(projectId)}/activity?contentId=${encodeURIComponent(item.id)}`}>
                All activity of this item
              </RouterLink>
            </Link>
          </Flex>
          {history.isPending && <Skeleton h="10" rounded="md" />}
          {history.isError && <Text color="fg.error">Couldn't load the history. {messageOf(history.error)}</Text>}
          {history.isSuccess && entries.length === 0 && (
            <Text fontSize="sm" color="fg.muted">
              No review yet.
            </Text>
          )}
          <Stack as="ol" listStyleType="none" gap="2">
            {entries.map((r) => (
              <Box as="li" key={r.id} borderLeftWidth="2px" ps="3">
                <Text fontSize="sm">
                  <strong>{r.automatic ? "Automatically" : r.by.name || r.by.uid}</strong>: {statusLabel(r.from)} → {statusLabel(r.to)}
                  <Text as="span" color="fg.muted">
                    {" "}
                    · version {r.contentVersion} · {relativeTime(r.at)}
                  </Text>
                </Text>
                {r.note && (
                  <Text fontSize="sm" color="fg.muted" whiteSpace="pre-line" css={{ overflowWrap: "anywhere" }}>
                    {r.note}
                  </Text>
                )}
              </Box>
            ))}
          </Stack>
          {(history.hasNextPage || history.isFetchNextPageError) && (
            <Button mt="2" size="xs" variant="outline" onClick={() => history.fetchNextPage()} loading={history.isFetchingNextPage}>
              {history.isFetchNextPageError ? "Try again" : "Load more"}
            </Button>
          )}
        </Box>
      </Card.Body>
    </Card.Root>
  );
}
