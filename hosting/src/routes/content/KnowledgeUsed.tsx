import { Box, Heading, Stack } from "@chakra-ui/react";
import type { Content } from "../../lib/api-types";
import { Passages } from "../../components/KnowledgePassages";

/** The passages of brand knowledge the current version's generation was given; nothing when none. */
export function KnowledgeUsed({ item }: { item: Content }) {
  const used = item.current?.knowledge ?? [];
  if (used.length === 0) return null;
  return (
    <Box as="section" aria-label="Brand knowledge used" borderWidth="1px" rounded="lg" p={{ base: "3", md: "4" }}>
      <Stack gap="3">
        <Heading size="sm" as="h2">
          {used.length === 1 ? "1 passage of brand knowledge used" : `${used.length} passages of brand knowledge used`}
        </Heading>
        <Passages passages={used} />
      </Stack>
    </Box>
  );
}
