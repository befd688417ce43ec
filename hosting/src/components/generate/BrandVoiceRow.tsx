import { Box, Button, Flex, Text } from "@chakra-ui/react";
import { useState } from "react";
import { brandVoiceSummary } from "../../lib/generation";
import { BrandVoiceEditor } from "../BrandVoiceEditor";
import type { Kind, Project } from "../../lib/api-types";

/** The project's brand voice in a line, and its editor behind an Edit button. */
export function BrandVoiceRow({ project, kind }: { project: Project | undefined; kind: Kind }) {
  const [editing, setEditing] = useState(false);
  return (
    <Box>
      <Flex align="center" gap="2" wrap="wrap">
        <Text fontSize="sm" fontWeight="medium">
          Brand voice
        </Text>
        <Text fontSize="sm" color="fg.muted" flex="1" minW="40">
          {kind === "text" ? brandVoiceSummary(project?.brandVoice) : "Applies to text only."}
        </Text>
        {project && !editing && (
          <Button size="xs" variant="outline" onClick={() => setEditing(true)}>
            Edit
          </Button>
        )}
      </Flex>
      {project && editing && (
        <Box mt="2">
          <BrandVoiceEditor project={project} onDone={() => setEditing(false)} />
        </Box>
      )}
    </Box>
  );
}
