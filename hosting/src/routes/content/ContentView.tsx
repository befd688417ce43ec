import { Box, Text } from "@chakra-ui/react";
import { FormattedText } from "../../components/FormattedText";
import { AuthImage } from "../../components/Media";
import { titleOf, VideoPlayer } from "../../components/MediaViewer";
import type { Content } from "../../lib/api-types";

/** The current version itself: formatted text, the picture (a press opens it full size) or the video. */
export function ContentView({ item, onZoom }: { item: Content; onZoom: () => void }) {
  const current = item.current;
  return (
    <Box as="section" aria-label="Content" bg="bg" borderWidth="1px" rounded="lg" p={{ base: "4", md: "6" }}>
      {item.kind === "text" ? (
        <FormattedText text={current?.text ?? ""} />
      ) : !current?.mediaUrl ? (
        <Text color="fg.muted">This version has no media yet.</Text>
      ) : item.kind === "image" ? (
        <Box>
          <Box
            as="button"
            display="block"
            w="full"
            maxW={current.width ? `min(100%, ${current.width}px)` : "full"}
            mx="auto"
            aspectRatio={current.width && current.height ? `${current.width} / ${current.height}` : "1"}
            maxH="70dvh"
            rounded="md"
            overflow="hidden"
            cursor="zoom-in"
            onClick={onZoom}
            aria-label={`View “${titleOf(item)}” full size`}
          >
            <AuthImage
              url={current.renditions?.["thumb-1024"] ?? current.mediaUrl}
              alt=""
              width={current.width ?? 1024}
              height={current.height ?? 1024}
              blurHash={current.blurHash}
              color={current.dominantColor}
              lazy={false}
              fit="contain"
            />
          </Box>
        </Box>
      ) : (
        <Box aspectRatio={current.width && current.height ? `${current.width} / ${current.height}` : "16 / 9"} maxH="70dvh" mx="auto">
          <VideoPlayer item={item} />
        </Box>
      )}
    </Box>
  );
}
