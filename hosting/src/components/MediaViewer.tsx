import { Box, Button, Flex, Text } from "@chakra-ui/react";
import { Link as RouterLink } from "react-router";
import { stepIndex } from "../lib/gallery";
import { Dialog } from "./Dialog";
import { AuthImage, useCurrentVersion, useMediaUrl } from "./Media";
import type { Content } from "../lib/api-types";

/**
 * The full view of a project's images and videos: one at a time in a modal, the arrow keys (and
 * Home, End) moving through them, Escape closing. Videos play with their controls and poster.
 */
export function MediaViewer({
  items,
  index,
  onIndex,
  onClose,
}: {
  items: Content[];
  index: number | null;
  onIndex: (index: number) => void;
  onClose: () => void;
}) {
  const open = index !== null && index >= 0 && index < items.length;
  const item = open ? items[index] : null;
  const title = item ? titleOf(item) : "";
  return (
    <Dialog open={open} onClose={onClose} wide label={title ? `${title}, in the viewer` : "Media viewer"}>
      {item && index !== null && (
        <Box
          onKeyDown={(event) => {
            // Arrow keys inside the video's own controls seek it; elsewhere they move through the gallery.
            if ((event.target as HTMLElement).closest("video, input, select, textarea")) return;
            const next = stepIndex(index, items.length, event.key);
            if (next !== null) {
              event.preventDefault();
              onIndex(next);
            }
          }}
        >
          <Flex gap="2" align="center" mb="3" wrap="wrap">
            <Text as="h2" fontWeight="semibold" fontSize="lg" flex="1" minW="0" truncate title={title}>
              {title}
            </Text>
            <Text fontSize="sm" color="fg.muted" aria-live="polite">
              {index + 1} of {items.length}
            </Text>
            <Button size="sm" variant="outline" onClick={onClose} autoFocus>
              Close
            </Button>
          </Flex>
          <Box bg="bg.muted" rounded="md" overflow="hidden" h={{ base: "60dvh", md: "70dvh" }} position="relative">
            {item.kind === "video" ? <VideoPlayer key={item.id} item={item} /> : <FullImage key={item.id} item={item} alt={title} />}
          </Box>
          <Flex gap="2" mt="3" wrap="wrap" align="center">
            <Button size="sm" variant="outline" onClick={() => onIndex(stepIndex(index, items.length, "ArrowLeft")!)} disabled={items.length < 2}>
              ← Previous
            </Button>
            <Button size="sm" variant="outline" onClick={() => onIndex(stepIndex(index, items.length, "ArrowRight")!)} disabled={items.length < 2}>
              Next →
            </Button>
            <Text fontSize="xs" color="fg.muted" display={{ base: "none", md: "block" }}>
              Arrow keys move, Escape closes.
            </Text>
            <Button asChild size="sm" variant="ghost" ms="auto">
              <RouterLink to={`/projects/${encodeURIComponent(item.projectId)}/contents/${encodeURIComponent(item.id)}`}>Details</RouterLink>
            </Button>
          </Flex>
        </Box>
      )}
    </Dialog>
  );
}

export function titleOf(item: { title?: string; kind: string; preview?: string | null }): string {
  return item.title?.trim() || item.preview?.trim() || (item.kind === "video" ? "Video" : item.kind === "image" ? "Image" : "Text");
}

function FullImage({ item, alt }: { item: Content; alt: string }) {
  const { current, failed } = useCurrentVersion(item);
  if (failed) return <Unavailable what="picture" />;
  return (
    <AuthImage
      url={current?.mediaUrl ?? current?.renditions?.["thumb-1024"]}
      alt={alt}
      width={current?.width ?? 1024}
      height={current?.height ?? 1024}
      blurHash={current?.blurHash}
      color={current?.dominantColor}
      lazy={false}
      fit="contain"
    />
  );
}

/** A video read with the token, with its poster while it loads. */
export function VideoPlayer({ item }: { item: Content }) {
  const { current, failed } = useCurrentVersion(item);
  const poster = useMediaUrl(current?.renditions?.poster);
  const video = useMediaUrl(current?.mediaUrl);
  if (video.failed || failed) return <Unavailable what="video" />;
  return (
    <video
      controls
      playsInline
      preload="metadata"
      src={video.objectUrl ?? undefined}
      poster={poster.objectUrl ?? undefined}
      width={current?.width ?? undefined}
      height={current?.height ?? undefined}
      aria-label={titleOf(item)}
      style={{ width: "100%", height: "100%", objectFit: "contain", background: "black" }}
    />
  );
}

function Unavailable({ what }: { what: string }) {
  return (
    <Flex h="full" align="center" justify="center" color="fg.muted" p="4" textAlign="center" role="alert">
      The {what} couldn't be loaded.
    </Flex>
  );
}
