import { Field, Textarea } from "@chakra-ui/react";
import type { Kind } from "../../lib/api-types";

export const MAX_PROMPT = 4000;

const EXAMPLES: Record<Kind, string> = {
  text: "A short welcome note for new customers",
  image: "A lighthouse at dusk, watercolour",
  video: "Waves rolling onto a beach at sunrise",
};

/** The prompt written by hand, when no template is chosen; Ctrl+Enter or ⌘+Enter sends the form. */
export function PromptField({ kind, prompt, error, onChange }: { kind: Kind; prompt: string; error?: string; onChange: (prompt: string) => void }) {
  return (
    <Field.Root required invalid={Boolean(error)}>
      <Field.Label>Prompt</Field.Label>
      <Textarea
        name="prompt"
        data-field="prompt"
        rows={4}
        maxLength={MAX_PROMPT}
        placeholder={EXAMPLES[kind]}
        value={prompt}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) e.currentTarget.form?.requestSubmit();
        }}
      />
      {error ? <Field.ErrorText>{error}</Field.ErrorText> : <Field.HelperText>Ctrl+Enter or ⌘+Enter sends it.</Field.HelperText>}
    </Field.Root>
  );
}
