import { Alert, Box, Button, Field, Flex, Input, Stack, Text, Textarea } from "@chakra-ui/react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { isConflict } from "../lib/content-view";
import { updateBrandVoice } from "../lib/contents-api";
import { hasBrandVoice, parseBannedWords } from "../lib/generation";
import { etag } from "../lib/api";
import { messageOf } from "../lib/problem";
import { useApi } from "../session";
import { queryKeys, storeProject } from "../lib/query-keys";
import type { BrandVoiceChange, Project } from "../lib/api-types";

/**
 * The project's brand voice: shown to everyone who generates, changed by editors and owners.
 * Saving sends If-Match with the project's version, so two people can't overwrite each other.
 */
export function BrandVoiceEditor({ project, onDone }: { project: Project; onDone: () => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const voice = project.brandVoice ?? {};
  const [systemPrompt, setSystemPrompt] = useState(voice.systemPrompt ?? "");
  const [tone, setTone] = useState(voice.tone ?? "");
  const [banned, setBanned] = useState((voice.bannedWords ?? []).join(", "));
  const [bannedError, setBannedError] = useState("");
  const save = useMutation({
    mutationFn: (next: BrandVoiceChange | null) => updateBrandVoice(api, project.id, etag(project.version), next),
    onSuccess: (result) => {
      storeProject(queryClient, result.value);
      void queryClient.invalidateQueries({ queryKey: queryKeys.projects() });
      onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const words = parseBannedWords(banned);
    setBannedError(words.error);
    if (words.error) return;
    const next: BrandVoiceChange = { systemPrompt: systemPrompt.trim(), tone: tone.trim(), bannedWords: words.words };
    save.mutate(hasBrandVoice(next) ? next : null);
  };
  return (
    <Box as="section" aria-label="Brand voice" borderWidth="1px" rounded="md" p="3">
      <form onSubmit={submit} noValidate>
        <Stack gap="3">
          <Field.Root>
            <Field.Label>Tone</Field.Label>
            <Input value={tone} maxLength={50} placeholder="warm and plain" onChange={(e) => setTone(e.target.value)} />
          </Field.Root>
          <Field.Root>
            <Field.Label>House instructions</Field.Label>
            <Textarea
              value={systemPrompt}
              rows={3}
              maxLength={4000}
              placeholder="We are a family bakery in Lyon. Speak to neighbours, not customers."
              onChange={(e) => setSystemPrompt(e.target.value)}
            />
          </Field.Root>
          <Field.Root invalid={Boolean(bannedError)}>
            <Field.Label>Words never to use</Field.Label>
            <Textarea value={banned} rows={2} placeholder="cheap, synergy" onChange={(e) => setBanned(e.target.value)} />
            {bannedError ? <Field.ErrorText>{bannedError}</Field.ErrorText> : <Field.HelperText>Separate them with commas or new lines.</Field.HelperText>}
          </Field.Root>
          <Text fontSize="xs" color="fg.muted">
            Applies to every text generated in this project, by anyone.
          </Text>
          {save.isError && (
            <Alert.Root status={isConflict(save.error) ? "warning" : "error"} size="sm" role="alert">
              <Alert.Indicator />
              <Alert.Title>
                {isConflict(save.error)
                  ? "Someone changed the project while you were editing. Close this, open it again to see their version, and reapply your change."
                  : messageOf(save.error)}
              </Alert.Title>
            </Alert.Root>
          )}
          <Flex gap="2">
            <Button type="submit" size="sm" colorPalette="blue" loading={save.isPending} loadingText="Saving…">
              Save brand voice
            </Button>
            <Button
              size="sm"
              variant="outline"
              onClick={() => {
                if (isConflict(save.error)) void queryClient.invalidateQueries({ queryKey: queryKeys.project(project.id) });
                onDone();
              }}
            >
              Close
            </Button>
          </Flex>
        </Stack>
      </form>
    </Box>
  );
}
