// The Idempotency-Key rule of every "start" the app sends (a generation, a regeneration, the retry
// of failed items): one key per intent. Trying the same request again after a dropped connection
// or a server error sends the same key, so the server answers with the job it already started
// instead of starting a second one; a new request (the person changed it, or it was accepted, or
// it was refused) gets a new key. The mutation hook in components/useIdempotentMutation.ts keeps
// one IntentKeys for the life of its form.

import type { DefaultError, UseMutationOptions } from "@tanstack/react-query";
import { newKey } from "./ids";
import { ApiError } from "./problem";

/** The keys of one intent, made when first asked for and kept until the intent ends. */
export class IntentKeys {
  private keys: string[] = [];

  constructor(private readonly make: () => string = newKey) {}

  /** The key of this intent's request number `index`; an intent that sends one request uses 0. */
  key(index = 0): string {
    while (this.keys.length <= index) this.keys.push(this.make());
    return this.keys[index];
  }

  /** Ends the intent: the next request is a new one and gets new keys. */
  forget(): void {
    this.keys = [];
  }
}

/**
 * Whether the server refused the request itself (a 4xx other than 429): sending it again will be
 * refused again, so a changed request is a new intent. A 429, a 5xx or no answer keeps the key.
 */
export function isRefusal(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429;
}

/** A mutation whose function is also given the intent's key (`key()`, or `key(n)` for several). */
export type IdempotentMutationOptions<TData, TVariables, TError = DefaultError> = Omit<
  UseMutationOptions<TData, TError, TVariables>,
  "mutationFn"
> & {
  mutationFn: (variables: TVariables, key: (index?: number) => string) => Promise<TData>;
};

/** The options of a mutation that sends `keys` and ends the intent on acceptance or refusal. */
export function idempotentMutationOptions<TData, TVariables, TError = DefaultError>(
  keys: IntentKeys,
  { mutationFn, onSuccess, onError, ...rest }: IdempotentMutationOptions<TData, TVariables, TError>,
): UseMutationOptions<TData, TError, TVariables> {
  return {
    ...rest,
    mutationFn: (variables) => mutationFn(variables, (index) => keys.key(index)),
    onSuccess: (...args) => {
      keys.forget();
      return onSuccess?.(...args);
    },
    onError: (...args) => {
      if (isRefusal(args[0])) keys.forget();
      return onError?.(...args);
    },
  };
}
