import { Alert, Button, Field, Flex, Stack, Text, Textarea } from "@chakra-ui/react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Dialog } from "../../components/Dialog";
import { useIdempotentMutation } from "../../components/useIdempotentMutation";
import { startGeneration } from "../../lib/contents-api";
import { messageOf } from "../../lib/problem";
import { queryKeys } from "../../lib/query-keys";
import { useApi } from "../../session";
import { useRequiredText } from "./forms";
import type { Content, Job } from "../../lib/api-types";

/** Asks for a new version made from a prompt: the one the item was made with, or a new one. */
export function RegenerateDialog({
  open,
  projectId,
  item,
  onClose,
  onStarted,
}: {
  open: boolean;
  projectId: string;
  item: Content;
  onClose: () => void;
  onStarted: (job: Job) => void;
}) {
  const api = useApi();
  const origin = useQuery({
    queryKey: queryKeys.job(projectId, item.jobId),
    queryFn: () => api.getGeneration(projectId, item.jobId!),
    enabled: open && Boolean(item.jobId),
    staleTime: Infinity,
    retry: false,
  });
  const [prompt, setPrompt] = useState<string | null>(null);
  const shown = prompt ?? origin.data?.prompt ?? "";
  const start = useIdempotentMutation({
    mutationFn: (text: string, key) => {
      const options = origin.data?.options;
      return startGeneration(
        api,
        projectId,
        { kind: item.kind, prompt: text, count: 1, contentId: item.id, fresh: true, ...(options && Object.keys(options).length ? { options } : {}) },
        key(),
      );
    },
    onSuccess: (job) => {
      setPrompt(null);
      onStarted(job);
    },
  });
  const { problem, submit } = useRequiredText(shown, "Describe what the new version should be.", (text) => start.mutate(text));
  return (
    <Dialog open={open} title="Regenerate" onClose={() => !start.isPending && onClose()}>
      <form noValidate onSubmit={submit}>
        <Stack gap="3">
          <Text fontSize="sm" color="fg.muted">
            A new version is made and becomes the current one; the earlier versions stay and can be restored.
          </Text>
          <Field.Root required invalid={Boolean(problem)}>
            <Field.Label>Prompt</Field.Label>
            <Textarea
              rows={5}
              maxLength={4000}
              value={shown}
              autoFocus
              placeholder={origin.isPending && item.jobId ? "Loading the original prompt…" : "What should the new version be?"}
              onChange={(event) => {
                setPrompt(event.target.value);
                start.newIntent();
              }}
            />
            {problem ? (
              <Field.ErrorText>{problem}</Field.ErrorText>
            ) : (
              <Field.HelperText>{item.jobId ? "The prompt this item was made with; change it if you like." : "This item was uploaded, so there is no earlier prompt."}</Field.HelperText>
            )}
          </Field.Root>
          {start.isError && (
            <Alert.Root status="error" size="sm" role="alert">
              <Alert.Indicator />
              <Alert.Title>{messageOf(start.error)}</Alert.Title>
            </Alert.Root>
          )}
          <Flex gap="2" justify="end">
            <Button variant="outline" onClick={onClose} disabled={start.isPending}>
              Cancel
            </Button>
            <Button type="submit" colorPalette="blue" loading={start.isPending} loadingText="Starting…">
              Make a new version
            </Button>
          </Flex>
        </Stack>
      </form>
    </Dialog>
  );
}
