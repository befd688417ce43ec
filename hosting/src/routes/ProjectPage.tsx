import { Alert, Badge, Box, Button, Flex, Grid, Heading, Link, SimpleGrid, Skeleton, Stack, Text } from "@chakra-ui/react";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link as RouterLink, useParams } from "react-router";
import { ContentCard } from "../components/ContentCard";
import { GeneratePanel } from "../components/generate/GeneratePanel";
import { JobView } from "../components/JobView";
import { PageTitle } from "../components/PageTitle";
import { ProjectNav } from "../components/ProjectNav";
import { ProjectNotReady } from "../components/ProjectShell";
import { ChoiceSelect } from "../components/ChoiceSelect";
import { REVIEW_STATUSES, statusLabel } from "../lib/review";
import { listContentsByStatus } from "../lib/review-api";
import { messageOf } from "../lib/problem";
import { useApi } from "../session";
import { queryKeys } from "../lib/query-keys";
import type { Content, Job, ReviewStatus } from "../lib/api-types";

export default function ProjectPage() {
  const { projectId = "" } = useParams();
  const api = useApi();
  const project = useQuery({ queryKey: queryKeys.project(projectId), queryFn: () => api.getProject(projectId) });
  const [jobs, setJobs] = useState<Job[]>([]);

  if (!project.isSuccess) {
    return <ProjectNotReady project={project} />;
  }

  const canGenerate = project.data.role === "owner" || project.data.role === "editor";
  return (
    <Stack gap="6">
      <Box>
        <Link asChild fontSize="sm" color="fg.muted" mb="1">
          <RouterLink to="/">← All projects</RouterLink>
        </Link>
        <Flex gap="3" align="center" wrap="wrap">
          <PageTitle>{project.data.name}</PageTitle>
          <Badge>{project.data.role}</Badge>
        </Flex>
        {project.data.description && <Text color="fg.muted" mt="1">{project.data.description}</Text>}
        <ProjectNav projectId={projectId} />
      </Box>
      <Grid templateColumns={{ base: "minmax(0, 1fr)", lg: "minmax(0, 2fr) minmax(0, 3fr)" }} gap="6" alignItems="start">
        <Stack gap="4" position={{ lg: "sticky" }} top={{ lg: "20" }}>
          {canGenerate ? (
            <GeneratePanel projectId={projectId} onStarted={(job) => setJobs((all) => [job, ...all.filter((j) => j.id !== job.id)])} />
          ) : (
            <Alert.Root status="info">
              <Alert.Indicator />
              <Alert.Title>You can read this project. Ask an owner to make you an editor to generate content.</Alert.Title>
            </Alert.Root>
          )}
          {jobs.length > 0 && (
            <Stack as="section" aria-label="Jobs" gap="3">
              {jobs.map((job) => (
                <JobView
                  key={job.id}
                  projectId={projectId}
                  initial={job}
                  onDismiss={() => setJobs((all) => all.filter((j) => j.id !== job.id))}
                  onRetried={(next) => setJobs((all) => [next, ...all.filter((j) => j.id !== next.id)])}
                />
              ))}
            </Stack>
          )}
        </Stack>
        <Contents projectId={projectId} />
      </Grid>
    </Stack>
  );
}

const STATUS_CHOICES = REVIEW_STATUSES.map((status) => [status, statusLabel(status)] as const);

function Contents({ projectId }: { projectId: string }) {
  const api = useApi();
  const [status, setStatus] = useState<ReviewStatus | null>(null);
  const contents = useInfiniteQuery({
    queryKey: status ? queryKeys.contentsByStatus(projectId, status) : queryKeys.contents(projectId),
    queryFn: ({ pageParam }) => (status ? listContentsByStatus(api, projectId, status, pageParam) : api.listContents(projectId, pageParam)),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const seen = new Set<string>();
  const all: Content[] = (contents.data?.pages.flatMap((page) => page.items) ?? []).filter(
    (item) => !seen.has(item.id) && Boolean(seen.add(item.id)),
  );

  return (
    <Box as="section" aria-labelledby="contents-title">
      <Flex gap="2" align="center" mb="3" wrap="wrap">
        <Heading as="h2" id="contents-title" size="lg" flex="1">
          Contents
        </Heading>
        <Box w="12rem">
          <ChoiceSelect
            aria-label="Review status"
            size="sm"
            choices={STATUS_CHOICES}
            empty="Any review status"
            value={status ?? ""}
            onChange={(value) => setStatus(value ? (value as ReviewStatus) : null)}
          />
        </Box>
        <Button asChild size="sm" variant="outline">
          <RouterLink to={`/projects/${encodeURIComponent(projectId)}/gallery`}>Gallery of images and videos</RouterLink>
        </Button>
      </Flex>
      {contents.isPending && (
        <SimpleGrid columns={{ base: 1, sm: 2 }} gap="3" aria-busy="true">
          {[0, 1].map((n) => (
            <Skeleton key={n} h="32" rounded="lg" />
          ))}
        </SimpleGrid>
      )}
      {contents.isError && (
        <Alert.Root status="error" role="alert" mb="3">
          <Alert.Indicator />
          <Alert.Title>Couldn't load the contents. {messageOf(contents.error)}</Alert.Title>
        </Alert.Root>
      )}
      {contents.isSuccess && all.length === 0 && (
        <Text color="fg.muted">
          {status ? `Nothing is ${statusLabel(status).toLowerCase()} now.` : "Nothing here yet. What you generate appears here."}
        </Text>
      )}
      {all.length > 0 && (
        <SimpleGrid as="ul" listStyleType="none" columns={{ base: 1, sm: 2 }} gap="3">
          {all.map((content) => (
            <ContentCard key={content.id} content={content} />
          ))}
        </SimpleGrid>
      )}
      {(contents.hasNextPage || contents.isFetchNextPageError) && (
        <Flex justify="center" mt="4">
          <Button variant="outline" onClick={() => contents.fetchNextPage()} loading={contents.isFetchingNextPage} loadingText="Loading…">
            {contents.isFetchNextPageError ? "Try again" : "Load more"}
          </Button>
        </Flex>
      )}
    </Box>
  );
}
