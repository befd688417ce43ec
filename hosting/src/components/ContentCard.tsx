import { Badge, Box, Card, Flex, Link, Skeleton, Text } from "@chakra-ui/react";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link as RouterLink } from "react-router";
import { useApi } from "../session";
import { queryKeys } from "../lib/query-keys";
import { ReviewBadge } from "./ReviewBadge";
import type { Content } from "../lib/api-types";

/** One content item as a card: a text preview, or the image's thumbnail. */
export function ContentCard({ content }: { content: Content }) {
  const api = useApi();
  // The list leaves out each item's current version; media cards read it to find their thumbnail.
  const needsVersion = content.kind !== "text" && !content.current;
  const full = useQuery({
    queryKey: queryKeys.contentVersion(content.projectId, content.id, content.currentVersion),
    queryFn: () => api.getContent(content.projectId, content.id),
    enabled: needsVersion,
    staleTime: Infinity,
  });
  const current = content.current ?? full.data?.current;
  const thumb = current?.renditions?.["thumb-256"] ?? current?.renditions?.poster;
  const title = content.title?.trim() || (content.kind === "text" ? "Text" : content.kind === "image" ? "Image" : "Video");
  return (
    <Card.Root as="li" size="sm" overflow="hidden" h="full" position="relative" _focusWithin={{ outline: "2px solid", outlineColor: "blue.solid" }}>
      {content.kind !== "text" && (
        <Box aspectRatio={1} bg={current?.dominantColor ?? "bg.muted"}>
          {needsVersion && full.isPending ? (
            <Skeleton h="full" w="full" />
          ) : thumb ? (
            <Thumbnail url={thumb} alt={content.preview?.trim() || title} />
          ) : (
            <Flex h="full" align="center" justify="center" color="fg.muted" fontSize="sm">
              No preview yet
            </Flex>
          )}
        </Box>
      )}
      <Card.Body gap="1">
        <Flex gap="2" align="center">
          <Text as="h3" fontWeight="semibold" truncate flex="1" title={title}>
            {/* The link covers the whole card, so a tap anywhere on it opens the item. */}
            <Link asChild color="fg" outline="none" _after={{ content: '""', position: "absolute", inset: "0" }}>
              <RouterLink to={`/projects/${encodeURIComponent(content.projectId)}/contents/${encodeURIComponent(content.id)}`}>{title}</RouterLink>
            </Link>
          </Text>
          <Badge variant="subtle">{content.kind}</Badge>
          <ReviewBadge status={content.reviewStatus} />
          {content.demo && (
            <Badge variant="subtle" colorPalette="purple">
              demo
            </Badge>
          )}
        </Flex>
        {content.kind === "text" && (
          <Text color="fg.muted" fontSize="sm" lineClamp={5} whiteSpace="pre-line">
            {content.preview ?? content.current?.text ?? ""}
          </Text>
        )}
      </Card.Body>
    </Card.Root>
  );
}

/** Media needs the Authorization header, so it is fetched with the token and shown from an object URL. */
function Thumbnail({ url, alt }: { url: string; alt: string }) {
  const api = useApi();
  const blob = useQuery({
    queryKey: queryKeys.media(url),
    queryFn: ({ signal }) => api.media(url, signal),
    staleTime: Infinity,
    gcTime: 5 * 60_000,
  });
  const objectUrl = useObjectUrl(blob.data);
  if (blob.isError) {
    return (
      <Flex h="full" align="center" justify="center" color="fg.muted" fontSize="sm" p="2" textAlign="center">
        The picture couldn't be loaded.
      </Flex>
    );
  }
  if (!objectUrl) return <Skeleton h="full" w="full" />;
  return <img src={objectUrl} alt={alt} width={256} height={256} style={{ width: "100%", height: "100%", objectFit: "cover" }} />;
}

function useObjectUrl(blob: Blob | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob) return;
    const created = URL.createObjectURL(blob);
    setUrl(created);
    return () => {
      URL.revokeObjectURL(created);
      setUrl(null);
    };
  }, [blob]);
  return url;
}
