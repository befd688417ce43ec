import { Badge, Box, Button, Flex, Link, Skeleton, Stack, Text } from "@chakra-ui/react";
import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link as RouterLink } from "react-router";
import type { Project } from "../lib/api";
import { ApiError, messageOf } from "../lib/problem";
import { useApi } from "../session";
import { PageTitle } from "./PageTitle";
import { ProjectNav } from "./ProjectNav";
import { queryKeys } from "../lib/query-keys";

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
  children: (project: Project) => ReactNode;
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

/**
 * What a project's pages show while the project loads, or, when it can't be opened, why, with a way
 * to try again (not for a project that is missing or not theirs) and a way back.
 */
export function ProjectNotReady({ project }: { project: UseQueryResult<Project> }) {
  if (project.isPending) {
    return (
      <Stack gap="4" aria-busy="true">
        <Skeleton h="10" w="60%" />
        <Skeleton h="40" />
      </Stack>
    );
  }
  if (project.isError) {
    const missing = project.error instanceof ApiError && [403, 404].includes(project.error.status);
    return (
      <Stack gap="4" align="start">
        <PageTitle>{missing ? "Project not found" : "Couldn't open the project"}</PageTitle>
        <Text color="fg.muted">{messageOf(project.error)}</Text>
        <Flex gap="2">
          {!missing && <Button onClick={() => project.refetch()}>Try again</Button>}
          <Button asChild variant="outline">
            <RouterLink to="/">Back to your projects</RouterLink>
          </Button>
        </Flex>
      </Stack>
    );
  }

  return null;
}
