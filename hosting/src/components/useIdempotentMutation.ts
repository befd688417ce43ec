import { useMutation, type DefaultError } from "@tanstack/react-query";
import { useRef } from "react";
import { idempotentMutationOptions, IntentKeys, type IdempotentMutationOptions } from "../lib/idempotent-mutation";

/**
 * useMutation for a request that must not be done twice: `mutationFn` is given the Idempotency-Key
 * of the current intent, the same on every try until the server accepts or refuses it. Call
 * `newIntent()` when the person changes what they ask for.
 */
export function useIdempotentMutation<TData, TVariables = void, TError = DefaultError>(
  options: IdempotentMutationOptions<TData, TVariables, TError>,
) {
  const keys = useRef<IntentKeys | null>(null);
  keys.current ??= new IntentKeys();
  const mutation = useMutation(idempotentMutationOptions(keys.current, options));
  const intent = keys.current;
  return Object.assign(mutation, { newIntent: () => intent.forget() });
}
