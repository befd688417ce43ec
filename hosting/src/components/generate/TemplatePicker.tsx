import { Field, NativeSelect } from "@chakra-ui/react";
import { messageOf } from "../../lib/problem";
import type { Template } from "../../lib/api-types";

/** The template to fill in, the project's own first, or none to write a prompt. */
export function TemplatePicker({
  choices,
  templateId,
  error,
  loadError,
  onPick,
}: {
  choices: Template[];
  templateId: string;
  error?: string;
  /** Why the templates couldn't be read, if they couldn't. */
  loadError: unknown;
  onPick: (id: string) => void;
}) {
  const groups: [string, Template[]][] = [
    ["This project's", choices.filter((t) => t.projectId)],
    ["Built in", choices.filter((t) => !t.projectId)],
  ];
  return (
    <Field.Root invalid={Boolean(error)}>
      <Field.Label>Template</Field.Label>
      <NativeSelect.Root>
        <NativeSelect.Field name="template" data-field="templateId" value={templateId} onChange={(e) => onPick(e.target.value)}>
          <option value="">None: write your own prompt</option>
          {groups.map(
            ([label, group]) =>
              group.length > 0 && (
                <optgroup key={label} label={label}>
                  {group.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
                </optgroup>
              ),
          )}
        </NativeSelect.Field>
        <NativeSelect.Indicator />
      </NativeSelect.Root>
      {error ? (
        <Field.ErrorText>{error}</Field.ErrorText>
      ) : loadError ? (
        <Field.HelperText>Couldn't load the templates. {messageOf(loadError)}</Field.HelperText>
      ) : null}
    </Field.Root>
  );
}
