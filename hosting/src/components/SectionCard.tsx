import { Card, Heading } from "@chakra-ui/react";
import type { ReactNode } from "react";

/** A card that is a section of its page, named by its heading (`id` links the two). */
export function SectionCard({ id, title, children }: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <Card.Root as="section" aria-labelledby={id}>
      <Card.Body>
        <Heading as="h2" id={id} size="lg" mb="3">
          {title}
        </Heading>
        {children}
      </Card.Body>
    </Card.Root>
  );
}
