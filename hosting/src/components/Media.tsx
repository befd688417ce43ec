import { Box, Flex, Skeleton } from "@chakra-ui/react";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useState, type CSSProperties } from "react";
import { decodeBlurHash } from "../lib/gallery";
import { useApi } from "../session";
import { queryKeys } from "../lib/query-keys";
import type { Content, ContentVersion } from "../lib/api-types";

/**
 * Media needs the Authorization header, so it is read with the token and shown from an object URL.
 * `enabled` lets a list wait until the picture scrolls into view.
 */
export function useMediaUrl(url: string | null | undefined, enabled = true): { objectUrl: string | null; failed: boolean; blob?: Blob } {
  const api = useApi();
  const media = useQuery({
    queryKey: queryKeys.media(url),
    queryFn: ({ signal }) => api.media(url!, signal),
    enabled: Boolean(url) && enabled,
    staleTime: Infinity,
    gcTime: 5 * 60_000,
  });
  const [objectUrl, setObjectUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!media.data) return;
    const created = URL.createObjectURL(media.data);
    setObjectUrl(created);
    return () => {
      URL.revokeObjectURL(created);
      setObjectUrl(null);
    };
  }, [media.data]);
  return { objectUrl, failed: media.isError, blob: media.data };
}

/** Whether an element has come near the screen; stays true once it has. */
export function useNearScreen<T extends Element>(): [(node: T | null) => void, boolean] {
  const [node, setNode] = useState<T | null>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    if (!node || near) return;
    if (typeof IntersectionObserver === "undefined") {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setNear(true);
    }, { rootMargin: "200px" });
    observer.observe(node);
    return () => observer.disconnect();
  }, [node, near]);
  return [setNode, near];
}

/** A blurred preview painted from the BlurHash, or the dominant colour, while the picture loads. */
export function Placeholder({ blurHash, color }: { blurHash?: string | null; color?: string | null }) {
  const dataUrl = useMemo(() => blurHashDataUrl(blurHash), [blurHash]);
  return (
    <Box
      position="absolute"
      inset="0"
      bg={color ?? "bg.muted"}
      aria-hidden="true"
      style={dataUrl ? { backgroundImage: `url(${dataUrl})`, backgroundSize: "cover" } : undefined}
    />
  );
}

function blurHashDataUrl(hash: string | null | undefined): string | null {
  if (!hash || typeof document === "undefined") return null;
  const size = 32;
  const pixels = decodeBlurHash(hash, size, size);
  if (!pixels) return null;
  const canvas = document.createElement("canvas");
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext("2d");
  if (!context) return null;
  const image = context.createImageData(size, size);
  image.data.set(pixels);
  context.putImageData(image, 0, 0);
  return canvas.toDataURL();
}

/** An image read with the token, over its placeholder, sized before it loads so nothing shifts. */
export function AuthImage({
  url,
  alt,
  width,
  height,
  blurHash,
  color,
  lazy = true,
  fit = "cover",
  style,
}: {
  url: string | null | undefined;
  alt: string;
  width: number;
  height: number;
  blurHash?: string | null;
  color?: string | null;
  lazy?: boolean;
  fit?: "cover" | "contain";
  style?: CSSProperties;
}) {
  const [ref, near] = useNearScreen<HTMLDivElement>();
  const { objectUrl, failed } = useMediaUrl(url, !lazy || near);
  return (
    <Box ref={ref} position="relative" w="full" h="full" overflow="hidden">
      {!objectUrl && <Placeholder blurHash={blurHash} color={color} />}
      {failed ? (
        <Flex position="absolute" inset="0" align="center" justify="center" color="fg.muted" fontSize="sm" p="2" textAlign="center">
          The picture couldn't be loaded.
        </Flex>
      ) : objectUrl ? (
        <img
          src={objectUrl}
          alt={alt}
          width={width}
          height={height}
          decoding="async"
          style={{ position: "relative", width: "100%", height: "100%", objectFit: fit, ...style }}
        />
      ) : !blurHash && !color ? (
        <Skeleton position="absolute" inset="0" />
      ) : null}
    </Box>
  );
}

/**
 * An item's current version: lists leave it out, so it is read on demand (when `enabled`), under
 * the same cache key the project's content cards use.
 */
export function useCurrentVersion(item: Content, enabled = true): { current: ContentVersion | undefined; pending: boolean; failed: boolean } {
  const api = useApi();
  const query = useQuery({
    queryKey: queryKeys.contentVersion(item.projectId, item.id, item.currentVersion),
    queryFn: () => api.getContent(item.projectId, item.id),
    enabled: enabled && !item.current,
    staleTime: Infinity,
  });
  const current = item.current ?? query.data?.current;
  return { current, pending: !current && query.isPending, failed: !current && query.isError };
}
