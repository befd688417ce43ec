import { Alert, Box, Button } from "@chakra-ui/react";
import { CONFLICT_MESSAGE, isConflict } from "../../lib/content-view";
import { messageOf } from "../../lib/problem";

/** Why a change failed; when someone else changed the item first, a way to load their version. */
export function ProblemAlert({ error, onReload }: { error: unknown; onReload: () => void }) {
  if (!error) return null;
  const conflict = isConflict(error);
  return (
    <Alert.Root status={conflict ? "warning" : "error"} size="sm" role="alert">
      <Alert.Indicator />
      <Alert.Content>
        <Alert.Title>{conflict ? CONFLICT_MESSAGE : messageOf(error)}</Alert.Title>
        {conflict && (
          <Box mt="2">
            <Button size="xs" variant="outline" onClick={onReload}>
              Load the latest version
            </Button>
          </Box>
        )}
      </Alert.Content>
    </Alert.Root>
  );
}
