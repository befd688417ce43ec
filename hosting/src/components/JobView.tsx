import { Alert, Badge, Box, Button, Card, Flex, Heading, Link, Progress, Stack, Text } from "@chakra-ui/react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useReducer, useRef, useState } from "react";
import { Link as RouterLink } from "react-router";
import { startGeneration } from "../lib/contents-api";
import { failureWords, retryRequests } from "../lib/generation";
import { flaggedLabel } from "../lib/brand-rules";
import { applyJobEvent, fallbackNote, queuedItem, startLiveJob } from "../lib/job-state";
import { followLive } from "../lib/job-stream";
import { messageOf } from "../lib/problem";
import { useApi } from "../session";
import { useIdempotentMutation } from "./useIdempotentMutation";
import { queryKeys } from "../lib/query-keys";
import type { ItemStatus, Job, JobEvent, JobItem } from "../lib/api-types";

const SETTLE_TRIES = 15;
const SETTLE_DELAY_MS = 2_000;
const ITEM_DONE: ReadonlySet<ItemStatus> = new Set(["completed", "failed", "cancelled"]);

const STATUS_WORDS: Record<ItemStatus, string> = {
  queued: "Waiting to start",
  running: "Working",
  waiting: "Waiting for the provider",
  completed: "Done",
  failed: "Failed",
  cancelled: "Cancelled",
};

const STATUS_COLOURS: Record<ItemStatus, string> = {
  queued: "gray",
  running: "blue",
  waiting: "blue",
  completed: "green",
  failed: "red",
  cancelled: "orange",
};

function jobSummary(job: Job): string {
  const items = job.itemCount === 1 ? "1 item" : `${job.itemCount} items`;
  // Items still running when a job is cancelled can finish after it: count what the items say.
  const count = (status: ItemStatus) => job.items.filter((item) => item.status === status).length;
  job = { ...job, completed: Math.max(job.completed, count("completed")), failed: Math.max(job.failed, count("failed")) };
  switch (job.status) {
    case "queued":
      return `Queued: ${items}.`;
    case "running":
      return `Generating: ${job.completed} of ${items} done.`;
    case "completed":
      return job.failed > 0 ? `Finished: ${job.completed} done, ${job.failed} failed.` : `Finished: ${items} done.`;
    case "failed":
      return `Failed: ${job.failed} of ${items} couldn't be made.`;
    case "cancelled":
      return `Cancelled: ${job.completed} of ${items} done.`;
  }
}

/** One job, followed live: its state, each item's streamed text or progress, and a cancel button. */
export function JobView({
  projectId,
  initial,
  onDismiss,
  onRetried,
}: {
  projectId: string;
  initial: Job;
  onDismiss: () => void;
  /** Given, the view offers to try failed items again and hands over each new job. */
  onRetried?: (job: Job) => void;
}) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [state, dispatch] = useReducer(applyJobEvent, initial, startLiveJob);
  const [streamError, setStreamError] = useState("");
  const ended = useRef(state.ended);
  ended.current = state.ended;

  useEffect(() => {
    if (ended.current) return;
    const controller = new AbortController();
    const signal = controller.signal;
    let latest: Job = initial;
    const onEvent = (event: JobEvent) => {
      if (event.type === "job" || event.type === "end") latest = event.job;
      setStreamError("");
      dispatch(event);
      // A finished item is a new content item: show it in the list.
      if ((event.type === "item" && event.status === "completed") || event.type === "end") {
        void queryClient.invalidateQueries({ queryKey: queryKeys.contents(projectId) });
      }
    };
    // A cancelled job ends while items already running may still finish: read the job
    // again for a while so those items don't look stuck.
    const settle = async () => {
      const unfinished = (job: Job) => job.items.some((item) => !ITEM_DONE.has(item.status));
      if (!unfinished(latest)) return;
      for (let tries = 0; tries < SETTLE_TRIES && !signal.aborted; tries++) {
        await new Promise((resolve) => setTimeout(resolve, SETTLE_DELAY_MS));
        if (signal.aborted) return;
        const job = await api.getGeneration(projectId, initial.id).catch(() => null);
        if (!job) continue;
        dispatch({ type: "end", job });
        if (!unfinished(job)) break;
      }
      void queryClient.invalidateQueries({ queryKey: queryKeys.contents(projectId) });
    };
    // One stream after another, each resuming after the last event of the one before.
    followLive({
      open: (lastEventId, progress) => api.followJob(projectId, initial.id, onEvent, signal, lastEventId, progress),
      signal,
      onStatus: setStreamError,
    }).then(
      async (ended) => {
        if (ended) await settle();
      },
      (error: unknown) => {
        if (!signal.aborted) setStreamError(messageOf(error));
      },
    );
    return () => controller.abort();
  }, [api, projectId, initial.id, queryClient]);

  const cancel = useMutation({
    mutationFn: () => api.cancelGeneration(projectId, initial.id),
    onSuccess: (job) => dispatch({ type: "job", job }),
  });

  // A retry is a new request (new Idempotency-Keys, one per request it sends); pressing again
  // after a dropped connection sends the same keys, so it can't start twice.
  const retry = useIdempotentMutation({
    mutationFn: (_: void, key) => {
      const requests = retryRequests(state.job);
      return Promise.all(requests.map((body, at) => startGeneration(api, projectId, body, key(at))));
    },
    onSuccess: (jobs) => jobs.forEach((started) => onRetried?.(started)),
  });

  const retriedRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (retry.isSuccess) retriedRef.current?.focus();
  }, [retry.isSuccess]);

  const { job } = state;
  const items: JobItem[] = job.items.length > 0 ? job.items : Array.from({ length: job.itemCount }, (_, index) => queuedItem(index));
  const live = !state.ended;
  const failedCount = items.filter((item) => item.status === "failed").length;

  return (
    <Card.Root as="article" size="sm" aria-labelledby={`job-${job.id}`} aria-busy={live}>
      <Card.Body gap="3">
        <Flex gap="2" align="center" wrap="wrap">
          <Heading as="h3" size="sm" id={`job-${job.id}`} flex="1" minW="0" truncate title={job.prompt}>
            {job.kind === "image" ? "Images" : job.kind === "video" ? "Videos" : "Text"}: {job.prompt ?? ""}
          </Heading>
          {live ? (
            <Button size="xs" variant="outline" colorPalette="red" onClick={() => cancel.mutate()} loading={cancel.isPending}>
              Cancel
            </Button>
          ) : (
            <Button size="xs" variant="ghost" onClick={onDismiss} aria-label={`Close the job “${job.prompt ?? ""}”`}>
              Close
            </Button>
          )}
        </Flex>
        <Text fontSize="sm" color="fg.muted" role="status">
          {jobSummary(job)}
          {job.demo ? " Made by the offline demo provider." : ""}
        </Text>
        {flaggedLabel(job.flagged) && (
          <Badge alignSelf="start" colorPalette="orange" size="sm" title="Items whose text breaks a brand rule: open them to see the passages and fix them.">
            {flaggedLabel(job.flagged)} by brand rules
          </Badge>
        )}
        {live && <Progress.Root size="xs" value={job.itemCount ? (100 * (job.completed + job.failed + job.cancelled)) / job.itemCount : null} aria-label="Job progress"><Progress.Track><Progress.Range /></Progress.Track></Progress.Root>}
        {streamError && (
          <Alert.Root status="warning" size="sm">
            <Alert.Indicator />
            <Alert.Title>{streamError}</Alert.Title>
          </Alert.Root>
        )}
        {retry.isError && (
          <Alert.Root status="error" size="sm" role="alert">
            <Alert.Indicator />
            <Alert.Title>Couldn't try again. {messageOf(retry.error)}</Alert.Title>
          </Alert.Root>
        )}
        {!live && onRetried && failedCount > 0 && !retry.isSuccess && (
          <Box>
            <Button size="xs" colorPalette="blue" variant="outline" onClick={() => retry.mutate()} loading={retry.isPending} loadingText="Starting…">
              Try the {failedCount === 1 ? "failed item" : `${failedCount} failed items`} again
            </Button>
          </Box>
        )}
        {retry.isSuccess && (
          // Takes the focus from the button it replaces, so the keyboard isn't left on nothing.
          <Text fontSize="sm" color="fg.muted" role="status" tabIndex={-1} ref={retriedRef} outline="none">
            Started again as a new job, shown above.
          </Text>
        )}
        {cancel.isError && (
          <Alert.Root status="error" size="sm" role="alert">
            <Alert.Indicator />
            <Alert.Title>Couldn't cancel. {messageOf(cancel.error)}</Alert.Title>
          </Alert.Root>
        )}
        <Stack as="ol" listStyleType="none" gap="2">
          {items.map((item) => (
            <Box as="li" key={item.index} borderWidth="1px" rounded="md" p="2">
              <Flex gap="2" align="center" mb="1">
                <Text fontSize="sm" fontWeight="medium">
                  Item {item.index + 1}
                </Text>
                <Badge colorPalette={STATUS_COLOURS[item.status] ?? "gray"} size="sm">
                  {STATUS_WORDS[item.status] ?? item.status}
                </Badge>
                {item.cached && (
                  <Badge size="sm" variant="outline">
                    from cache
                  </Badge>
                )}
                {(item.findings ?? 0) > 0 && (
                  <Badge size="sm" variant="outline" colorPalette="orange">
                    {item.findings === 1 ? "1 finding" : `${item.findings} findings`}
                  </Badge>
                )}
                {fallbackNote(job, item) && (
                  <Badge size="sm" variant="outline" colorPalette="orange" title={fallbackNote(job, item) ?? undefined}>
                    by {item.provider}
                  </Badge>
                )}
              </Flex>
              {job.kind !== "text" && state.progress[item.index] !== undefined && item.status !== "completed" && (
                <Progress.Root size="xs" value={state.progress[item.index]} aria-label={`Item ${item.index + 1} progress`}>
                  <Progress.Track>
                    <Progress.Range />
                  </Progress.Track>
                </Progress.Root>
              )}
              {state.texts[item.index] && (
                <Text fontSize="sm" whiteSpace="pre-wrap" data-testid="streamed-text">
                  {state.texts[item.index]}
                </Text>
              )}
              {item.status === "completed" && !state.texts[item.index] && (
                <Text fontSize="sm" color="fg.muted">
                  {item.cached ? "Reused an identical earlier result; it is" : "It is"} in the contents.
                </Text>
              )}
              {item.status === "completed" && item.contentId && (
                <Link asChild fontSize="sm" colorPalette="blue">
                  <RouterLink to={`/projects/${encodeURIComponent(projectId)}/contents/${encodeURIComponent(item.contentId)}`}>
                    Open item {item.index + 1}
                  </RouterLink>
                </Link>
              )}
              {item.status === "failed" && (
                <Text fontSize="sm" color="fg.error">
                  {failureWords(item)}
                </Text>
              )}
              {item.status === "cancelled" && (
                <Text fontSize="sm" color="fg.muted">
                  Cancelled before it was made; nothing was charged for it.
                </Text>
              )}
            </Box>
          ))}
        </Stack>
      </Card.Body>
    </Card.Root>
  );
}
