import { Button, Flex, Stack, Text } from "@chakra-ui/react";
import { useMutation, type UseMutationResult } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { messageOf } from "../lib/problem";

/** The state of a "New …" form: whether it is open, whether sending was tried, and the sending. */
export interface NewFormState<T> {
  open: boolean;
  setOpen: (open: boolean) => void;
  /** Sending was tried since the form was last reset: field errors show from then on. */
  tried: boolean;
  /** Marks the form tried, and sends when {@link useNewForm}'s errors are empty. */
  submit: () => void;
  make: UseMutationResult<T, Error, void>;
}

/**
 * A "New …" form of a settings list: closed until opened; submitting marks it tried and sends only
 * when `errors` (the form's field errors, keyed by field) is empty; once made, `onMade` is told, the
 * form closes, `reset` clears its fields and it is untried again.
 */
export function useNewForm<T>({ errors, send, onMade, reset }: {
  errors: Record<string, string>;
  send: () => Promise<T>;
  onMade: (made: T) => void;
  reset: () => void;
}): NewFormState<T> {
  const [open, setOpen] = useState(false);
  const [tried, setTried] = useState(false);
  const make = useMutation({
    mutationFn: send,
    onSuccess: (made) => {
      onMade(made);
      setOpen(false);
      reset();
      setTried(false);
    },
  });
  const submit = () => {
    setTried(true);
    if (Object.keys(errors).length === 0) make.mutate();
  };
  return { open, setOpen, tried, submit, make };
}

/**
 * The frame of a {@link useNewForm} form: its opening button while closed; when open, the fields
 * (`children`), the sending's error, and the submit and Cancel buttons.
 */
export function NewForm<T>({ form, openLabel, submitLabel, children }: {
  form: NewFormState<T>;
  openLabel: string;
  submitLabel: string;
  children: ReactNode;
}) {
  if (!form.open) {
    return (
      <Button alignSelf="start" colorPalette="blue" onClick={() => form.setOpen(true)}>
        {openLabel}
      </Button>
    );
  }
  return (
    <Stack as="form" gap="3" borderWidth="1px" rounded="md" p="3"
      onSubmit={(e) => {
        e.preventDefault();
        form.submit();
      }}
    >
      {children}
      {form.make.isError && <Text color="fg.error" role="alert">{messageOf(form.make.error)}</Text>}
      <Flex gap="2">
        <Button type="submit" colorPalette="blue" loading={form.make.isPending}>
          {submitLabel}
        </Button>
        <Button variant="outline" onClick={() => form.setOpen(false)}>
          Cancel
        </Button>
      </Flex>
    </Stack>
  );
}
