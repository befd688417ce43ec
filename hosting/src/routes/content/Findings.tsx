import { Alert, Badge, Box, Button, Flex, Heading, Stack, Text } from "@chakra-ui/react";
import { useMutation } from "@tanstack/react-query";
import { fixContent } from "../../lib/contents-api";
import { findingSegments, ruleLabel } from "../../lib/brand-rules";
import { messageOf } from "../../lib/problem";
import { useApi } from "../../session";
import type { Content, Job } from "../../lib/api-types";

/**
 * What the project's brand rules found in the current version of a text: each finding with its
 * passage, the passages marked in the text, and (for editors) a Fix that makes a new version with
 * the findings as instructions. Nothing for media or a text that keeps every rule.
 */
export function Findings({
  projectId,
  item,
  editable,
  fixing,
  onStarted,
}: {
  projectId: string;
  item: Content;
  editable: boolean;
  /** A regeneration or fix is already under way. */
  fixing: boolean;
  onStarted: (job: Job) => void;
}) {
  const api = useApi();
  const fix = useMutation({ mutationFn: () => fixContent(api, projectId, item.id), onSuccess: onStarted });
  const findings = item.current?.findings ?? [];
  if (item.kind !== "text" || findings.length === 0) return null;
  const text = item.current?.text ?? "";
  const parts = findingSegments(text, findings);
  const marked = parts.some((p) => p.threads.length > 0);
  return (
    <Box as="section" aria-label="Brand rule findings" borderWidth="1px" borderColor="orange.emphasized" rounded="lg" p={{ base: "3", md: "4" }}>
      <Stack gap="3">
        <Flex gap="2" align="center" wrap="wrap">
          <Heading size="sm" as="h2">
            {findings.length === 1 ? "1 brand rule finding" : `${findings.length} brand rule findings`}
          </Heading>
          {editable && (
            <Button size="xs" colorPalette="orange" ms="auto" loading={fix.isPending} loadingText="Starting…" disabled={fixing} onClick={() => fix.mutate()}>
              Fix
            </Button>
          )}
        </Flex>
        <Stack as="ol" gap="1" listStyleType="none" ps="0">
          {findings.map((f, i) => (
            <Box as="li" key={i} id={`finding-${i}`} fontSize="sm">
              <Badge size="sm" colorPalette="orange" me="2">
                {ruleLabel(f.rule)}
              </Badge>
              {f.message}
              {f.passage && (
                <Text as="q" ms="1" color="fg.muted">
                  {f.passage.length > 80 ? `${f.passage.slice(0, 80)}…` : f.passage}
                </Text>
              )}
            </Box>
          ))}
        </Stack>
        {marked && (
          <Box aria-label="Passages the findings are about" whiteSpace="pre-wrap" wordBreak="break-word" maxH="40dvh" overflowY="auto" lineHeight="tall" fontSize="sm" bg="bg" rounded="md" p="2">
            {parts.map((p) =>
              p.threads.length === 0 ? (
                <span key={p.start}>{p.text}</span>
              ) : (
                <Box as="mark" key={p.start} bg="orange.subtle" color="inherit" rounded="sm" title={p.threads.map((t) => findings[Number(t)].message).join(" ")}>
                  {p.text}
                </Box>
              ),
            )}
          </Box>
        )}
        {editable && (
          <Text fontSize="xs" color="fg.muted">
            Fix makes a new version from the same prompt, with these findings as instructions. Findings are advice: the text is kept as it is until then.
          </Text>
        )}
        {fix.isError && (
          <Alert.Root status="error" size="sm" role="alert">
            <Alert.Indicator />
            <Alert.Title>{messageOf(fix.error)}</Alert.Title>
          </Alert.Root>
        )}
      </Stack>
    </Box>
  );
}
