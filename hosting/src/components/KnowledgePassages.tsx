import { Badge, Box, Flex, Stack, Text } from "@chakra-ui/react";
import type { KnowledgeSource } from "../lib/api-types";
import { scorePercent } from "../lib/knowledge";

/** Passages with their document and score, nearest first. */
export function Passages({ passages }: { passages: KnowledgeSource[] }) {
  return (
    <Stack gap="2" as="ol" listStyleType="none" ps="0">
      {passages.map((p) => (
        <Box as="li" key={p.passageId} borderWidth="1px" rounded="md" p="3">
          <Flex gap="2" align="center" mb="1" wrap="wrap">
            <Text fontWeight="medium" fontSize="sm">
              {p.documentName}
            </Text>
            <Badge title="Cosine similarity to the question">{scorePercent(p.score)}</Badge>
          </Flex>
          <Text fontSize="sm" whiteSpace="pre-wrap" lineClamp={6}>
            {p.excerpt}
          </Text>
        </Box>
      ))}
    </Stack>
  );
}
