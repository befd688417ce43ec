import { Button, Link, Stack, Text } from "@chakra-ui/react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { ExportRequest } from "../lib/api-types";
import { inProgress, sizeText } from "../lib/background-exports";
import { messageOf } from "../lib/problem";
import { usePeopleApi } from "./usePeopleApi";

/**
 * A large export: the button asks the server to build the file, the screen says "Preparing…" while
 * a task makes it, then offers "Download" through the signed link the server gives (asked again on
 * each look, so the link is fresh).
 */
export function BackgroundDownload({
  projectId,
  request,
  label,
  ariaLabel,
  size = "sm",
}: {
  projectId: string;
  request: ExportRequest;
  label: string;
  ariaLabel?: string;
  size?: "xs" | "sm";
}) {
  const people = usePeopleApi();
  const [exportId, setExportId] = useState<string | null>(null);
  const start = useMutation({ mutationFn: () => people.startExport(projectId, request), onSuccess: (e) => setExportId(e.id) });
  const record = useQuery({
    queryKey: ["export", projectId, exportId],
    queryFn: () => people.getExport(projectId, exportId!),
    enabled: exportId !== null,
    refetchInterval: (query) => (inProgress(query.state.data) ? 1000 : false),
  });
  const ready = record.data?.status === "ready" && record.data.downloadUrl ? record.data : null;
  const preparing = start.isPending || (exportId !== null && inProgress(record.data) && !record.isError);
  return (
    <Stack gap="1" align="start">
      {ready ? (
        <Button asChild size={size} colorPalette="blue">
          <Link href={ready.downloadUrl ?? undefined} download={ready.fileName ?? undefined} aria-label={`Download ${ready.fileName ?? label}`}>
            Download {ready.fileName} {ready.size ? `(${sizeText(ready.size)})` : ""}
          </Link>
        </Button>
      ) : (
        <Button
          size={size}
          variant="outline"
          onClick={() => start.mutate()}
          loading={preparing}
          loadingText="Preparing…"
          aria-label={ariaLabel ?? label}
        >
          {label}
        </Button>
      )}
      {record.data?.status === "failed" && (
        <Text color="fg.error" role="alert" fontSize="xs">
          Couldn't build the file. {record.data.error}
        </Text>
      )}
      {(start.isError || record.isError) && (
        <Text color="fg.error" role="alert" fontSize="xs">
          Couldn't export. {messageOf(start.error ?? record.error)}
        </Text>
      )}
    </Stack>
  );
}
