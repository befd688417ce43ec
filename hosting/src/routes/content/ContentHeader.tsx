import { Badge, Box, Flex, Link, Text } from "@chakra-ui/react";
import { Link as RouterLink } from "react-router";
import { titleOf } from "../../components/MediaViewer";
import { PageTitle } from "../../components/PageTitle";
import { ReviewBadge } from "../../components/ReviewBadge";
import { describeVersion, formatBytes } from "../../lib/content-view";
import { formatDuration } from "../../lib/gallery";
import type { Content } from "../../lib/api-types";

/** The way back to the project, the item's title and badges, and what its current version is. */
export function ContentHeader({ item, projectPath, projectName }: { item: Content; projectPath: string; projectName?: string }) {
  const current = item.current;
  const title = titleOf(item);
  return (
    <Box>
      <Link asChild fontSize="sm" color="fg.muted" mb="1">
        <RouterLink to={projectPath}>← {projectName ?? "Project"}</RouterLink>
      </Link>
      <Flex gap="3" align="center" wrap="wrap">
        <PageTitle tabTitle={title} minW="0" css={{ overflowWrap: "anywhere" }}>
          {title}
        </PageTitle>
        <Badge>{item.kind}</Badge>
        <ReviewBadge status={item.reviewStatus} size="lg" />
        <Badge variant="outline">
          version {item.currentVersion}
          {item.latestVersion && item.latestVersion !== item.currentVersion ? ` of ${item.latestVersion}` : ""}
        </Badge>
        {item.demo && (
          <Badge variant="subtle" colorPalette="purple">
            demo
          </Badge>
        )}
      </Flex>
      {current && (
        <Text fontSize="sm" color="fg.muted" mt="1">
          {describeVersion(current)}
          {current.width && current.height ? ` · ${current.width} × ${current.height} px` : ""}
          {current.durationSeconds ? ` · ${formatDuration(current.durationSeconds)}` : ""}
          {current.byteSize ? ` · ${formatBytes(current.byteSize)}` : ""}
        </Text>
      )}
    </Box>
  );
}
