import { Button, Text } from "@chakra-ui/react";
import { useMutation } from "@tanstack/react-query";
import { titleOf } from "../../components/MediaViewer";
import { blobToDataUrl, saveFile } from "../../lib/download";
import { exportFileName, extensionFor, toHtmlDocument, toMarkdown, type ExportSource } from "../../lib/export";
import { messageOf } from "../../lib/problem";
import { useApi } from "../../session";
import type { Content } from "../../lib/api-types";

/** Markdown, a self-contained HTML page, or the media file itself. */
export function ExportButtons({ item }: { item: Content }) {
  const api = useApi();
  const current = item.current;
  const title = titleOf(item);
  const mediaName = exportFileName(title, extensionFor(current?.contentType));
  const source: ExportSource = {
    title,
    kind: item.kind,
    text: current?.text,
    mediaFileName: mediaName,
    width: current?.width,
    height: current?.height,
    createdAt: current?.createdAt,
    version: item.currentVersion,
  };
  const html = useMutation({
    mutationFn: async () => {
      let dataUrl: string | undefined;
      if (item.kind === "image" && current?.mediaUrl) dataUrl = await blobToDataUrl(await api.media(current.mediaUrl));
      saveFile(toHtmlDocument(source, dataUrl), exportFileName(title, "html"), "text/html;charset=utf-8");
    },
  });
  const media = useMutation({
    mutationFn: async () => {
      const blob = await api.media(current!.mediaUrl!);
      saveFile(blob, exportFileName(title, extensionFor(blob.type || current?.contentType)));
    },
  });
  const failed = html.error ?? media.error;
  return (
    <>
      <Button size="sm" variant="outline" onClick={() => saveFile(toMarkdown(source), exportFileName(title, "md"), "text/markdown;charset=utf-8")}>
        Export Markdown
      </Button>
      <Button size="sm" variant="outline" onClick={() => html.mutate()} loading={html.isPending} loadingText="Preparing…">
        Export HTML
      </Button>
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
