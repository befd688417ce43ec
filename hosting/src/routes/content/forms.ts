import { useState, type FormEvent } from "react";

/** What the reader gives each form that changes the item: one PATCH, its state, and the ways out. */
export interface ChangeFormProps<T> {
  pending: boolean;
  error: unknown;
  onSave: (value: T) => void;
  onCancel: () => void;
  /** Loads the latest version after a conflict. */
  onReload: () => void;
}

/**
 * A form whose one text must not be blank: its submit handler sends the trimmed text, or shows
 * `missing` (as `problem`) instead of sending.
 */
export function useRequiredText(value: string, missing: string, send: (text: string) => void) {
  const [problem, setProblem] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = value.trim();
    setProblem(text ? "" : missing);
    if (text) send(text);
  };
  return { problem, submit };
}
