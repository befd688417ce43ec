import { Flex, Link } from "@chakra-ui/react";
import { NavLink } from "react-router";

/** The sections of one project; the current one is marked for screen readers by aria-current. */
export function ProjectNav({ projectId }: { projectId: string }) {
  const base = `/projects/${encodeURIComponent(projectId)}`;
  const sections = [
    { to: base, label: "Contents", end: true },
    { to: `${base}/members`, label: "Members", end: false },
    { to: `${base}/templates`, label: "Templates", end: false },
    { to: `${base}/batches`, label: "Batches", end: false },
    { to: `${base}/knowledge`, label: "Knowledge", end: false },
    { to: `${base}/activity`, label: "Activity", end: false },
    { to: `${base}/shares`, label: "Shared links", end: false },
    { to: `${base}/connections`, label: "Connections", end: false },
    { to: `${base}/hooks`, label: "Webhooks", end: false },
    { to: `${base}/keys`, label: "Provider keys", end: false },
    { to: `${base}/export-style`, label: "Export style", end: false },
    { to: `${base}/brand-kits`, label: "Brand kits", end: false },
    { to: `${base}/budget`, label: "Budget", end: false },
  ];
  return (
    <Flex as="nav" aria-label="Project sections" gap="1" borderBottomWidth="1px" overflowX="auto" mt="3">
      {sections.map((section) => (
        <Link
          key={section.to}
          asChild
          px="3"
          py="2"
          fontWeight="medium"
          color="fg.muted"
          borderBottomWidth="2px"
          borderColor="transparent"
          mb="-1px"
          whiteSpace="nowrap"
          _hover={{ color: "fg", textDecoration: "none" }}
          css={{ "&[aria-current=page]": { color: "var(--chakra-colors-fg)", borderColor: "var(--chakra-colors-blue-solid)" } }}
        >
          <NavLink to={section.to} end={section.end}>
            {section.label}
          </NavLink>
        </Link>
      ))}
    </Flex>
  );
}
