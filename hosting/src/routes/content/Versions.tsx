import { Alert, Badge, Box, Button, Flex, Heading, Skeleton, Stack, Text } from "@chakra-ui/react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { AuthImage } from "../../components/Media";
import { VersionCompare } from "../../components/VersionCompare";
import { defaultComparison, describeVersion } from "../../lib/content-view";
import { listVersions } from "../../lib/contents-api";
import { messageOf } from "../../lib/problem";
import { queryKeys } from "../../lib/query-keys";
import { useApi } from "../../session";
import { type ChangeFormProps } from "./forms";
import { ProblemAlert } from "./ProblemAlert";
import type { Content } from "../../lib/api-types";

/** The item's versions, newest first: compare two (text), or restore one as a new version. */
export function Versions({
  projectId,
  item,
  editable,
  restore,
}: {
  projectId: string;
  item: Content;
  editable: boolean;
  /** Restoring a version: its PATCH's state, the version number to send, and the reload after a conflict. */
  restore: Omit<ChangeFormProps<number>, "onCancel">;
}) {
  const api = useApi();
  const versions = useQuery({
    queryKey: queryKeys.contentVersions(projectId, item.id),
    queryFn: () => listVersions(api, projectId, item.id),
  });
  const [pair, setPair] = useState<[number, number] | null>(null);
  const all = versions.data ?? [];
  const newestFirst = [...all].sort((a, b) => b.number - a.number);
  const comparing = pair ?? null;
  return (
    <Box as="section" aria-labelledby="versions-title">
      <Heading as="h2" id="versions-title" size="lg" mb="3">
        Versions
      </Heading>
      {versions.isPending && <Skeleton h="20" />}
      {versions.isError && (
        <Alert.Root status="error" size="sm" role="alert">
          <Alert.Indicator />
          <Alert.Title>Couldn't load the versions. {messageOf(versions.error)}</Alert.Title>
        </Alert.Root>
      )}
      <Box aria-live="polite" mb="3">
        <ProblemAlert error={restore.error} onReload={restore.onReload} />
      </Box>
      {item.kind === "text" && all.length >= 2 && !comparing && (
        <Button size="sm" variant="outline" mb="3" onClick={() => setPair(defaultComparison(all, item.currentVersion))}>
          Compare versions
        </Button>
      )}
      {item.kind === "text" && comparing && (
        <Box mb="4" bg="bg" borderWidth="1px" rounded="lg" p="4">
          <VersionCompare versions={all} left={comparing[0]} right={comparing[1]} onChange={(left, right) => setPair([left, right])} />
          <Button size="sm" variant="ghost" mt="2" onClick={() => setPair(null)}>
            Close the comparison
          </Button>
        </Box>
      )}
      {versions.isSuccess && (
        <Stack as="ol" listStyleType="none" gap="2">
          {newestFirst.map((version) => {
            const isCurrent = version.number === item.currentVersion;
            return (
              <Flex as="li" key={version.number} gap="3" align="center" wrap="wrap" bg="bg" borderWidth="1px" rounded="md" p="3">
                {item.kind !== "text" && version.renditions?.["thumb-256"] && (
                  <Box w="14" h="14" flexShrink={0} rounded="sm" overflow="hidden">
                    <AuthImage
                      url={version.renditions["thumb-256"]}
                      alt=""
                      width={56}
                      height={56}
                      blurHash={version.blurHash}
                      color={version.dominantColor}
                    />
                  </Box>
                )}
                <Box flex="1" minW="40">
                  <Text fontWeight="medium">
                    Version {version.number}
                    {isCurrent && (
                      <Badge ms="2" colorPalette="green" size="sm">
                        current
                      </Badge>
                    )}
                  </Text>
                  <Text fontSize="sm" color="fg.muted">
                    {describeVersion(version)}
                  </Text>
                  {item.kind === "text" && version.text && (
                    <Text fontSize="sm" color="fg.muted" lineClamp={2}>
                      {version.text}
                    </Text>
                  )}
                </Box>
                <Flex gap="2">
                  {item.kind === "text" && !isCurrent && (
                    <Button size="xs" variant="outline" onClick={() => setPair([version.number, item.currentVersion])}>
                      Compare with current
                    </Button>
                  )}
                  {editable && !isCurrent && (
                    <Button
                      size="xs"
                      variant="outline"
                      onClick={() => restore.onSave(version.number)}
                      disabled={restore.pending}
                      aria-label={`Restore version ${version.number}`}
                    >
                      Restore
                    </Button>
                  )}
                </Flex>
              </Flex>
            );
          })}
        </Stack>
      )}
    </Box>
  );
}
