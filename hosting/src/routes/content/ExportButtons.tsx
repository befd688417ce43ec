import { Button, Text } from "@chakra-ui/react";
import { useMutation } from "@tanstack/react-query";
import { titleOf } from "../../components/MediaViewer";
import { saveFile } from "../../lib/download";
import { DOCUMENT_FORMATS, documentFileName, exportFileName, extensionFor, type DocumentFormat } from "../../lib/export";
import { messageOf } from "../../lib/problem";
import { usePeopleApi } from "../../components/usePeopleApi";
import { useApi } from "../../session";
import type { Content } from "../../lib/api-types";

/**
 * The current version as Markdown, HTML, Word or PDF in the project's export style (the server
 * writes them), or the media file itself.
 */
export function ExportButtons({ item }: { item: Content }) {
  const api = useApi();
  const people = usePeopleApi();
  const current = item.current;
  const title = titleOf(item);
  const document = useMutation({
    mutationFn: (format: DocumentFormat) => people.exportContent(item.projectId, item.id, format, item.currentVersion),
    onSuccess: (file, format) => saveFile(file, documentFileName(item.title ?? "", item.kind, item.currentVersion, format)),
  });
  const media = useMutation({
    mutationFn: async () => {
      const blob = await api.media(current!.mediaUrl!);
      saveFile(blob, exportFileName(title, extensionFor(blob.type || current?.contentType)));
    },
  });
  const failed = document.error ?? media.error;
  return (
    <>
      {DOCUMENT_FORMATS.map(({ format, label }) => (
        <Button
          key={format}
          size="sm"
          variant="outline"
          onClick={() => document.mutate(format)}
          loading={document.isPending && document.variables === format}
          loadingText="Preparing…"
        >
          Export {label}
        </Button>
      ))}
      {item.kind !== "text" && current?.mediaUrl && (
        <Button size="sm" variant="outline" onClick={() => media.mutate()} loading={media.isPending} loadingText="Downloading…">
          Download {item.kind === "video" ? "video" : "image"}
        </Button>
      )}
      {failed && (
        <Text role="alert" fontSize="sm" color="fg.error" w="full">
          Couldn't export. {messageOf(failed)}
        </Text>
      )}
    </>
  );
}
