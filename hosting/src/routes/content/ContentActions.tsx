import { Button, Flex } from "@chakra-ui/react";
import { useState } from "react";
import { ShareDialog } from "../../components/ShareDialog";
import { ExportButtons } from "./ExportButtons";
import type { Content } from "../../lib/api-types";

export type ReaderMode = "read" | "edit" | "rename";

/** The buttons above the item; an editor sees edit, rename, regenerate and delete too. */
export function ContentActions({
  item,
  editable,
  mode,
  regenerating,
  onMode,
  onRegenerate,
  onDelete,
}: {
  item: Content;
  editable: boolean;
  mode: ReaderMode;
  regenerating: boolean;
  onMode: (mode: ReaderMode) => void;
  onRegenerate: () => void;
  onDelete: () => void;
}) {
  const [sharing, setSharing] = useState(false);
  return (
    <Flex as="nav" aria-label="Actions on this content" gap="2" wrap="wrap">
      {editable && item.kind === "text" && mode !== "edit" && (
        <Button size="sm" colorPalette="blue" onClick={() => onMode("edit")}>
          Edit text
        </Button>
      )}
      {editable && mode === "read" && (
        <Button size="sm" variant="outline" onClick={() => onMode("rename")}>
          Rename
        </Button>
      )}
      {editable && (
        <Button size="sm" variant="outline" onClick={onRegenerate} disabled={regenerating}>
          Regenerate
        </Button>
      )}
      <ExportButtons item={item} />
      {editable && (
        <Button size="sm" variant="outline" onClick={() => setSharing(true)}>
          Share
        </Button>
      )}
      {editable && (
        <ShareDialog projectId={item.projectId} contentIds={[item.id]} open={sharing} onClose={() => setSharing(false)} />
      )}
      {editable && (
        <Button size="sm" variant="outline" colorPalette="red" onClick={onDelete}>
          Delete
        </Button>
      )}
    </Flex>
  );
}
