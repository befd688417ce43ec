import { Alert, Box, Button, Card, Field, Heading, HStack, Input, NativeSelect, Stack, Textarea } from "@chakra-ui/react";
import { useMutation } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import type { Job, Kind } from "../lib/api";
import { newKey } from "../lib/ids";
import { ApiError, messageOf } from "../lib/problem";
import { useApi } from "../session";

const MAX_COUNT = 10;
const MAX_PROMPT = 4000;

/** The form that asks for new content; calls `onStarted` with the queued job. */
export function GeneratePanel({ projectId, onStarted }: { projectId: string; onStarted: (job: Job) => void }) {
  const api = useApi();
  const [kind, setKind] = useState<Kind>("text");
  const [prompt, setPrompt] = useState("");
  const [count, setCount] = useState("1");
  const [promptError, setPromptError] = useState("");
  const [countError, setCountError] = useState("");
  const promptRef = useRef<HTMLTextAreaElement>(null);
  const countRef = useRef<HTMLInputElement>(null);
  // One key per request: kept when a try fails so that trying again can't start the job twice,
  // and replaced as soon as the request itself changes or has been accepted.
  const keyRef = useRef<string | null>(null);

  const generate = useMutation({
    mutationFn: (request: { kind: Kind; prompt: string; count: number }) => {
      keyRef.current ??= newKey();
      return api.createGeneration(projectId, request, keyRef.current);
    },
    onSuccess: (job) => {
      keyRef.current = null;
      setPrompt("");
      onStarted(job);
    },
    onError: (error) => {
      const problems = error instanceof ApiError ? error.fieldProblems : [];
      const forPrompt = problems.find((problem) => problem.field === "prompt");
      const forCount = problems.find((problem) => problem.field === "count");
      if (forPrompt) setPromptError(forPrompt.message);
      if (forCount) setCountError(forCount.message);
      // A refusal means this exact request won't be taken; a new attempt gets a new key.
      if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429) {
        keyRef.current = null;
      }
    },
  });

  function changed() {
    keyRef.current = null;
    generate.reset();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setPromptError("");
    setCountError("");
    const text = prompt.trim();
    const number = Number(count);
    if (!text) {
      setPromptError("Describe what you want to create.");
      promptRef.current?.focus();
      return;
    }
    if (!Number.isInteger(number) || number < 1 || number > MAX_COUNT) {
      setCountError(`Choose a whole number from 1 to ${MAX_COUNT}.`);
      countRef.current?.focus();
      return;
    }
    generate.mutate({ kind, prompt: text, count: number });
  }

  return (
    <Card.Root as="section" aria-labelledby="generate-title">
      <Card.Body>
        <Heading as="h2" id="generate-title" size="lg" mb="3">
          Generate
        </Heading>
        <form onSubmit={submit} noValidate>
          <Stack gap="4">
            <HStack gap="3" align="start">
              <Field.Root flex="1">
                <Field.Label>Kind</Field.Label>
                <NativeSelect.Root>
                  <NativeSelect.Field
                    name="kind"
                    value={kind}
                    onChange={(e) => {
                      setKind(e.target.value as Kind);
                      changed();
                    }}
                  >
                    <option value="text">Text</option>
                    <option value="image">Image</option>
                  </NativeSelect.Field>
                  <NativeSelect.Indicator />
                </NativeSelect.Root>
              </Field.Root>
              <Field.Root w="28" invalid={Boolean(countError)}>
                <Field.Label>How many</Field.Label>
                <Input
                  ref={countRef}
                  name="count"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={MAX_COUNT}
                  aria-describedby={countError ? "count-error" : undefined}
                  value={count}
                  onChange={(e) => {
                    setCount(e.target.value);
                    changed();
                  }}
                />
              </Field.Root>
            </HStack>
            {countError && (
              <Box id="count-error" color="fg.error" fontSize="sm" mt="-2" role="alert">
                {countError}
              </Box>
            )}
            <Field.Root required invalid={Boolean(promptError)}>
              <Field.Label>Prompt</Field.Label>
              <Textarea
                ref={promptRef}
                name="prompt"
                rows={4}
                maxLength={MAX_PROMPT}
                placeholder={kind === "text" ? "A short welcome note for new customers" : "A lighthouse at dusk, watercolour"}
                value={prompt}
                onChange={(e) => {
                  setPrompt(e.target.value);
                  changed();
                }}
                onKeyDown={(e) => {
                  if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) e.currentTarget.form?.requestSubmit();
                }}
              />
              {promptError ? (
                <Field.ErrorText>{promptError}</Field.ErrorText>
              ) : (
                <Field.HelperText>Ctrl+Enter or ⌘+Enter sends it.</Field.HelperText>
              )}
            </Field.Root>
            {generate.isError && (
              <Alert.Root status="error" role="alert">
                <Alert.Indicator />
                <Alert.Title>{messageOf(generate.error)}</Alert.Title>
              </Alert.Root>
            )}
            <Box>
              <Button type="submit" colorPalette="blue" loading={generate.isPending} loadingText="Starting…">
                Generate
              </Button>
            </Box>
          </Stack>
        </form>
      </Card.Body>
    </Card.Root>
  );
}
