import { Badge, Box, Flex, Link, Stack } from "@chakra-ui/react";
import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link as RouterLink } from "react-router";
import { useApi } from "../session";
import { NotReady } from "./NotReady";
import { PageTitle } from "./PageTitle";
import { ProjectNav } from "./ProjectNav";
import { queryKeys } from "../lib/query-keys";
import type { ProjectWithUsage } from "../lib/api-types";

/**
 * The frame of a project's sections (members, batches): loads the project for its name and the
 * caller's role, says plainly when it can't, and shows the section's title and navigation.
 */
export function ProjectShell({
  projectId,
  title,
  children,
}: {
  projectId: string;
  title: string;
  children: (project: ProjectWithUsage) => ReactNode;
}) {
  const api = useApi();
  const project = useQuery({ queryKey: queryKeys.project(projectId), queryFn: () => api.getProject(projectId) });

  if (!project.isSuccess) {
    return <ProjectNotReady project={project} />;
  }

  return (
    <Stack gap="6">
      <Box>
        <Link asChild fontSize="sm" color="fg.muted" mb="1">
          <RouterLink to={`/projects/${encodeURIComponent(projectId)}`}>← {project.data.name}</RouterLink>
        </Link>
        <Flex gap="3" align="center" wrap="wrap">
          <PageTitle tabTitle={`${title} · ${project.data.name}`}>{title}</PageTitle>
          <Badge>{project.data.role}</Badge>
          {project.data.archived && <Badge colorPalette="orange">archived</Badge>}
        </Flex>
        <ProjectNav projectId={projectId} />
      </Box>
      {children(project.data)}
    </Stack>
  );
}

/** What a project's pages show while the project loads, or why it can't be opened. */
export function ProjectNotReady({ project }: { project: UseQueryResult<ProjectWithUsage> }) {
  return <NotReady query={project} missingTitle="Project not found" failedTitle="Couldn't open the project" back="/" backLabel="Back to your projects" />;
}
