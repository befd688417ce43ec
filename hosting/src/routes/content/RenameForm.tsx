import { Box, Field, Input, Stack } from "@chakra-ui/react";
import { useState } from "react";
import { useRequiredText, type ChangeFormProps } from "./forms";
import { ProblemAlert } from "./ProblemAlert";
import { SaveButtons } from "./SaveButtons";

/** Renames the item; an empty title is refused before it is sent. */
export function RenameForm({ title, pending, error, onSave, onCancel, onReload }: { title: string } & ChangeFormProps<string>) {
  const [value, setValue] = useState(title);
  const { problem, submit } = useRequiredText(value, "Give it a title.", onSave);
  return (
    <Box bg="bg" borderWidth="1px" rounded="lg" p="4">
      <form onSubmit={submit} noValidate>
      <Stack gap="3">
        <Field.Root invalid={Boolean(problem)}>
          <Field.Label>Title</Field.Label>
          <Input value={value} maxLength={200} autoFocus onChange={(event) => setValue(event.target.value)} />
          {problem && <Field.ErrorText>{problem}</Field.ErrorText>}
        </Field.Root>
        <ProblemAlert error={error} onReload={onReload} />
        <SaveButtons label="Save title" pending={pending} onCancel={onCancel} />
      </Stack>
      </form>
    </Box>
  );
}
