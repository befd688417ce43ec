import { Avatar, Flex, Text } from "@chakra-ui/react";
import { othersViewing, type Viewer } from "../../lib/item-live";

const PALETTES = ["blue", "green", "purple", "orange", "teal", "pink"] as const;

/** A small stable number for a uid, so each person keeps their colour. */
function hash(uid: string): number {
  let h = 0;
  for (let i = 0; i < uid.length; i++) h = (h * 31 + uid.charCodeAt(i)) >>> 0;
  return h;
}

/** Who else has this item open now, by name, each in a colour of their own; nothing when nobody does. */
export function Viewers({ viewers, me }: { viewers: Viewer[]; me?: string }) {
  const others = othersViewing(viewers, me);
  if (others.length === 0) return null;
  const names = others.map((v) => v.name);
  const said = names.length <= 3 ? names.join(", ") : `${names.slice(0, 3).join(", ")} and ${names.length - 3} more`;
  return (
    <Flex align="center" gap="2" aria-live="polite" role="status" aria-label="Also viewing">
      <Flex>
        {others.slice(0, 5).map((v, i) => (
          <Avatar.Root key={v.uid} size="xs" variant="subtle" colorPalette={PALETTES[hash(v.uid) % PALETTES.length]} ms={i === 0 ? "0" : "-1.5"} borderWidth="2px" borderColor="bg">
            <Avatar.Fallback name={v.name} />
          </Avatar.Root>
        ))}
      </Flex>
      <Text fontSize="sm" color="fg.muted">
        Also here: {said}
      </Text>
    </Flex>
  );
}
