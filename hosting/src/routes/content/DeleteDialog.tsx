import { Alert, Button, Flex, Text } from "@chakra-ui/react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { Dialog } from "../../components/Dialog";
import { titleOf } from "../../components/MediaViewer";
import { isConflict } from "../../lib/content-view";
import { deleteContent } from "../../lib/contents-api";
import { messageOf } from "../../lib/problem";
import { queryKeys } from "../../lib/query-keys";
import { useApi } from "../../session";
import type { Content, Tagged } from "../../lib/api-types";

/** Asks before deleting the item with all its versions; once deleted, goes back to the project. */
export function DeleteDialog({
  open,
  projectId,
  tagged,
  projectPath,
  onClose,
}: {
  open: boolean;
  projectId: string;
  tagged: Tagged<Content>;
  projectPath: string;
  onClose: () => void;
}) {
  const api = useApi();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const item = tagged.value;
  const versionCount = item.latestVersion ?? item.currentVersion;
  const remove = useMutation({
    mutationFn: () => deleteContent(api, projectId, item.id, tagged.etag),
    onSuccess: () => {
      navigate(projectPath, { replace: true });
      // Refresh the lists it was in, but don't read the deleted item or its versions again.
      void queryClient.invalidateQueries({
        queryKey: queryKeys.contents(projectId),
        predicate: (query) => !query.queryKey.includes(item.id),
      });
      // Forget it once this screen has gone (removing it while shown would only read it again).
      setTimeout(() => queryClient.removeQueries({ predicate: (query) => query.queryKey.includes(item.id) }), 0);
    },
  });
  return (
    <Dialog open={open} title="Delete this content?" onClose={() => !remove.isPending && onClose()}>
      <Text mb="4">
        “{titleOf(item)}” and {versionCount === 1 ? "its only version" : `all ${versionCount} of its versions`} will be deleted for everyone in the
        project. This can't be undone.
      </Text>
      {remove.isError && (
        <Alert.Root status="error" size="sm" mb="3" role="alert">
          <Alert.Indicator />
          <Alert.Title>
            {isConflict(remove.error) ? "It changed since you opened it. Close this, look at the latest version, and delete again if you still want to." : messageOf(remove.error)}
          </Alert.Title>
        </Alert.Root>
      )}
      <Flex gap="2" justify="end" wrap="wrap">
        <Button variant="outline" onClick={onClose} disabled={remove.isPending} autoFocus>
          Keep it
        </Button>
        <Button colorPalette="red" onClick={() => remove.mutate()} loading={remove.isPending} loadingText="Deleting…">
          Delete
        </Button>
      </Flex>
    </Dialog>
  );
}
