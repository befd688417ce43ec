import { Alert } from "@chakra-ui/react";
import { ApiError, messageOf } from "../../lib/problem";
import { OPTION_FIELDS } from "./ProviderOptions";

/** The fields the form shows a problem beside; the server's problems with any other are listed here. */
const KNOWN_FIELDS = new Set(["kind", "count", "prompt", "templateId", ...OPTION_FIELDS]);

/** Why the generation wasn't started, pointing at the marked fields when that is where it went wrong. */
export function GenerateProblem({ error, errors }: { error: Error; errors: Record<string, string> }) {
  const unplaced = Object.entries(errors).filter(([field]) => !KNOWN_FIELDS.has(field) && !field.startsWith("variable:"));
  return (
    <Alert.Root status="error" role="alert">
      <Alert.Indicator />
      <Alert.Content>
        <Alert.Title>
          {error instanceof ApiError && error.fieldProblems.length > 0 && unplaced.length === 0 ? "It wasn't started: see the marked fields above." : messageOf(error)}
        </Alert.Title>
        {unplaced.length > 0 && (
          <Alert.Description>
            {unplaced.map(([field, message]) => (
              <div key={field}>{message}</div>
            ))}
          </Alert.Description>
        )}
      </Alert.Content>
    </Alert.Root>
  );
}
