import { Alert, Badge, Box, Button, Flex, Link, SimpleGrid, Skeleton, Stack, Text } from "@chakra-ui/react";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link as RouterLink, useParams, useSearchParams } from "react-router";
import { AuthImage, Placeholder, useCurrentVersion, useNearScreen } from "../components/Media";
import { MediaViewer, titleOf } from "../components/MediaViewer";
import { PageTitle } from "../components/PageTitle";
import { listMedia } from "../lib/contents-api";
import { formatDuration, thumbnailBox } from "../lib/gallery";
import { messageOf } from "../lib/problem";
import { useApi } from "../session";
import { BackgroundDownload } from "../components/BackgroundDownload";
import { queryKeys } from "../lib/query-keys";
import type { Content } from "../lib/api-types";

type MediaKind = "image" | "video";

/** A project's images and videos as a grid of thumbnails, opened one by one in the viewer. */
export default function GalleryPage() {
  const { projectId = "" } = useParams();
  const api = useApi();
  const [search, setSearch] = useSearchParams();
  const kind: MediaKind = search.get("kind") === "video" ? "video" : "image";
  const [open, setOpen] = useState<number | null>(null);
  const project = useQuery({ queryKey: queryKeys.project(projectId), queryFn: () => api.getProject(projectId) });
  const media = useInfiniteQuery({
    queryKey: queryKeys.contentMedia(projectId, kind),
    queryFn: ({ pageParam }) => listMedia(api, projectId, kind, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const seen = new Set<string>();
  const items: Content[] = (media.data?.pages.flatMap((page) => page.items) ?? []).filter(
    (item) => !seen.has(item.id) && Boolean(seen.add(item.id)),
  );
  const projectPath = `/projects/${encodeURIComponent(projectId)}`;
  const plural = kind === "image" ? "images" : "videos";

  return (
    <Stack gap="5">
      <Box>
        <Link asChild fontSize="sm" color="fg.muted" mb="1">
          <RouterLink to={projectPath}>← {project.data?.name ?? "Project"}</RouterLink>
        </Link>
        <PageTitle tabTitle={project.data ? `Gallery · ${project.data.name}` : "Gallery"}>Gallery</PageTitle>
      </Box>
      <Flex gap="2" wrap="wrap" justify="space-between">
      <Flex role="group" aria-label="Show" gap="2">
        {(["image", "video"] as const).map((option) => (
          <Button
            key={option}
            size="sm"
            variant={kind === option ? "solid" : "outline"}
            aria-pressed={kind === option}
            onClick={() => {
              setOpen(null);
              setSearch(option === "image" ? {} : { kind: option }, { replace: true });
            }}
          >
            {option === "image" ? "Images" : "Videos"}
          </Button>
        ))}
      </Flex>
      <ArchiveButton projectId={projectId} projectName={project.data?.name} />
      </Flex>
      {media.isPending && (
        <SimpleGrid columns={{ base: 2, sm: 3, md: 4, lg: 5 }} gap="2" aria-busy="true">
          {Array.from({ length: 6 }, (_, n) => (
            <Skeleton key={n} aspectRatio={1} rounded="md" />
          ))}
        </SimpleGrid>
      )}
      {media.isError && (
        <Alert.Root status="error" role="alert">
          <Alert.Indicator />
          <Alert.Title>Couldn't load the {plural}. {messageOf(media.error)}</Alert.Title>
        </Alert.Root>
      )}
      {media.isSuccess && items.length === 0 && (
        <Text color="fg.muted">
          No {plural} yet. Generate {kind === "image" ? "an image" : "a video"} from the{" "}
          <Link asChild colorPalette="blue">
            <RouterLink to={projectPath}>project page</RouterLink>
          </Link>
          .
        </Text>
      )}
      {items.length > 0 && (
        <SimpleGrid as="ul" listStyleType="none" columns={{ base: 2, sm: 3, md: 4, lg: 5 }} gap="2" aria-label={`The project's ${plural}`}>
          {items.map((item, index) => (
            <Tile key={item.id} item={item} onOpen={() => setOpen(index)} />
          ))}
        </SimpleGrid>
      )}
      {(media.hasNextPage || media.isFetchNextPageError) && (
        <Flex justify="center">
          <Button variant="outline" onClick={() => media.fetchNextPage()} loading={media.isFetchingNextPage} loadingText="Loading…">
            {media.isFetchNextPageError ? "Try again" : "Load more"}
          </Button>
        </Flex>
      )}
      <MediaViewer items={items} index={open} onIndex={setOpen} onClose={() => setOpen(null)} />
    </Stack>
  );
}

/** One thumbnail: its version is read when it nears the screen, the picture when it has the address. */
function Tile({ item, onOpen }: { item: Content; onOpen: () => void }) {
  const [ref, near] = useNearScreen<HTMLLIElement>();
  const { current, failed } = useCurrentVersion(item, near);
  const thumb = item.kind === "video" ? current?.renditions?.poster : (current?.renditions?.["thumb-256"] ?? current?.mediaUrl);
  const box = thumbnailBox(current?.width, current?.height);
  const title = titleOf(item);
  const duration = formatDuration(current?.durationSeconds);
  return (
    <Box as="li" ref={ref}>
      <Box
        as="button"
        onClick={onOpen}
        position="relative"
        display="block"
        w="full"
        aspectRatio={1}
        rounded="md"
        overflow="hidden"
        bg="bg.muted"
        cursor="zoom-in"
        // The name includes the words shown on the tile (length, "demo"), so speech input finds it by them.
        aria-label={`${item.kind === "video" ? "Play" : "View"} “${title}”${duration ? `, ${duration}` : ""}${item.demo ? ", demo" : ""}`}
        _focusVisible={{ outline: "3px solid", outlineColor: "blue.solid", outlineOffset: "2px" }}
      >
        {thumb ? (
          <AuthImage url={thumb} alt="" width={box.width} height={box.height} blurHash={current?.blurHash} color={current?.dominantColor} />
        ) : failed ? (
          <Flex position="absolute" inset="0" align="center" justify="center" fontSize="sm" color="fg.muted" p="2">
            No preview
          </Flex>
        ) : current ? (
          <Placeholder blurHash={current.blurHash} color={current.dominantColor} />
        ) : (
          <Skeleton position="absolute" inset="0" />
        )}
        {item.kind === "video" && (
          <Badge position="absolute" bottom="1" insetEnd="1" size="sm" variant="solid" colorPalette="gray">
            <span aria-hidden="true">▶</span> {duration}
          </Badge>
        )}
        {item.demo && (
          <Badge position="absolute" top="1" insetStart="1" size="sm" variant="solid" colorPalette="purple">
            demo
          </Badge>
        )}
      </Box>
    </Box>
  );
}

/**
 * "Download all (ZIP)": every image and video of the project as one file, built in the background
 * ("Preparing…"), then offered through a signed link.
 */
function ArchiveButton({ projectId }: { projectId: string; projectName?: string }) {
  return (
    <Stack gap="1" align="end">
      <BackgroundDownload projectId={projectId} request={{ what: "media" }} label="Download all (ZIP)" />
    </Stack>
  );
}
