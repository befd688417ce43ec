import { Box, Field, Heading, Stack, Textarea } from "@chakra-ui/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { DiffText } from "../../components/VersionCompare";
import { type ChangeFormProps } from "./forms";
import { ProblemAlert } from "./ProblemAlert";
import { SaveButtons } from "./SaveButtons";

const MAX_TEXT = 100_000;

/**
 * Edits the text; saving makes a new version. When someone else saved first, the draft is kept,
 * and after loading their version the editor shows what the draft changes in it.
 */
export function TextEditor({
  latest,
  latestVersion,
  ...form
}: {
  latest: string;
  latestVersion: number;
} & ChangeFormProps<string>) {
  const { pending, error, onSave, onCancel, onReload } = form;
  const [draft, setDraft] = useState(latest);
  const startedOn = useRef(latestVersion);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const rebased = latestVersion !== startedOn.current;
  const unchanged = draft === latest;
  return (
    <Box
      as="form"
      bg="bg"
      borderWidth="1px"
      rounded="lg"
      p={{ base: "3", md: "5" }}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        startedOn.current = latestVersion;
        onSave(draft);
      }}
    >
      <Stack gap="3">
        <Field.Root>
          <Field.Label>Text</Field.Label>
          <Textarea
            ref={ref}
            value={draft}
            maxLength={MAX_TEXT}
            rows={16}
            fontFamily="mono"
            fontSize="sm"
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) event.currentTarget.form?.requestSubmit();
              if (event.key === "Escape") onCancel();
            }}
          />
          <Field.HelperText>
            Headings (#), lists (-, 1.), **bold** and *italic* are shown formatted. Ctrl+Enter or ⌘+Enter saves; Escape cancels.
          </Field.HelperText>
        </Field.Root>
        <ProblemAlert error={error} onReload={onReload} />
        {rebased && (
          <Box>
            <Heading as="h2" size="sm" mb="2">
              What your draft changes in version {latestVersion}
            </Heading>
            <DiffText before={latest} after={draft} label={`Your draft compared with version ${latestVersion}`} />
          </Box>
        )}
        <SaveButtons label="Save as a new version" pending={pending} disabled={unchanged} onCancel={onCancel} />
      </Stack>
    </Box>
  );
}
