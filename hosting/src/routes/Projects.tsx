import {
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Field,
  Flex,
  Heading,
  Input,
  LinkBox,
  LinkOverlay,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
} from "@chakra-ui/react";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { Link as RouterLink, useNavigate } from "react-router";
import { PageTitle } from "../components/PageTitle";
import type { Project } from "../lib/api";
import { ApiError, messageOf } from "../lib/problem";
import { useApi } from "../session";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

export default function Projects() {
  const api = useApi();
  const projects = useInfiniteQuery({
    queryKey: ["projects"],
    queryFn: ({ pageParam }) => api.listProjects(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const all = dedupe(projects.data?.pages.flatMap((page) => page.items) ?? []);

  return (
    <Stack gap="8">
      <PageTitle>Your projects</PageTitle>
      <NewProject />
      <Box as="section" aria-labelledby="all-projects">
        <Heading as="h2" id="all-projects" size="lg" mb="3">
          All projects
        </Heading>
        {projects.isPending && (
          <SimpleGrid columns={{ base: 1, md: 2, lg: 3 }} gap="3" aria-busy="true">
            {[0, 1, 2].map((n) => (
              <Skeleton key={n} h="24" rounded="lg" />
            ))}
          </SimpleGrid>
        )}
        {projects.isError && (
          <Alert.Root status="error" role="alert" mb="3">
            <Alert.Indicator />
            <Alert.Title>Couldn't load your projects. {messageOf(projects.error)}</Alert.Title>
          </Alert.Root>
        )}
        {projects.isSuccess && all.length === 0 && (
          <Text color="fg.muted">No projects yet. Create your first one above.</Text>
        )}
        {all.length > 0 && (
          <SimpleGrid as="ul" listStyleType="none" columns={{ base: 1, md: 2, lg: 3 }} gap="3">
            {all.map((project) => (
              <ProjectCard key={project.id} project={project} />
            ))}
          </SimpleGrid>
        )}
        {(projects.hasNextPage || (projects.isError && all.length > 0)) && (
          <Flex justify="center" mt="4">
            <Button
              variant="outline"
              onClick={() => projects.fetchNextPage()}
              loading={projects.isFetchingNextPage}
              loadingText="Loading…"
            >
              {projects.isFetchNextPageError ? "Try again" : "Load more"}
            </Button>
          </Flex>
        )}
        {projects.isError && all.length === 0 && (
          <Button mt="2" variant="outline" onClick={() => projects.refetch()}>
            Try again
          </Button>
        )}
      </Box>
    </Stack>
  );
}

function dedupe(projects: Project[]): Project[] {
  const seen = new Set<string>();
  return projects.filter((project) => !seen.has(project.id) && seen.add(project.id));
}

function ProjectCard({ project }: { project: Project }) {
  const updated = new Date(project.updatedAt);
  return (
    <LinkBox asChild>
      <Card.Root as="li" size="sm" _hover={{ borderColor: "border.emphasized" }} h="full">
        <Card.Body gap="1">
          <Heading as="h3" size="md" lineClamp={2}>
            <LinkOverlay asChild>
              <RouterLink to={`/projects/${encodeURIComponent(project.id)}`}>{project.name}</RouterLink>
            </LinkOverlay>
          </Heading>
          {project.description && (
            <Text color="fg.muted" lineClamp={2}>
              {project.description}
            </Text>
          )}
          <Flex gap="2" align="center" mt="auto" pt="2" fontSize="sm" color="fg.muted">
            <Badge>{project.role}</Badge>
            {!Number.isNaN(updated.getTime()) && (
              <span>
                Updated <time dateTime={project.updatedAt}>{dateFormat.format(updated)}</time>
              </span>
            )}
          </Flex>
        </Card.Body>
      </Card.Root>
    </LinkBox>
  );
}

function NewProject() {
  const api = useApi();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [nameError, setNameError] = useState("");
  const [descriptionError, setDescriptionError] = useState("");
  const nameRef = useRef<HTMLInputElement>(null);
  const descriptionRef = useRef<HTMLTextAreaElement>(null);

  const create = useMutation({
    mutationFn: () => api.createProject(name.trim(), description.trim()),
    onSuccess: (project) => {
      void queryClient.invalidateQueries({ queryKey: ["projects"] });
      queryClient.setQueryData(["project", project.id], project);
      navigate(`/projects/${encodeURIComponent(project.id)}`);
    },
    onError: (error) => {
      // Field problems go beside their fields; the rest shows above the button.
      const problems = error instanceof ApiError ? error.fieldProblems : [];
      const forName = problems.find((problem) => problem.field === "name");
      const forDescription = problems.find((problem) => problem.field === "description");
      if (forName) setNameError(capitalised(forName.message));
      if (forDescription) setDescriptionError(capitalised(forDescription.message));
      if (forName) nameRef.current?.focus();
      else if (forDescription) descriptionRef.current?.focus();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setNameError("");
    setDescriptionError("");
    create.reset();
    if (!name.trim()) {
      setNameError("Give the project a name.");
      nameRef.current?.focus();
      return;
    }
    create.mutate();
  }

  return (
    <Card.Root as="section" aria-labelledby="new-project">
      <Card.Body>
        <Heading as="h2" id="new-project" size="lg" mb="3">
          New project
        </Heading>
        <form onSubmit={submit} noValidate>
          <Stack gap="4">
            <Field.Root required invalid={Boolean(nameError)}>
              <Field.Label>Name</Field.Label>
              <Input ref={nameRef} name="name" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />
              <Field.ErrorText>{nameError}</Field.ErrorText>
            </Field.Root>
            <Field.Root invalid={Boolean(descriptionError)}>
              <Field.Label>
                Description{" "}
                <Text as="span" color="fg.muted" fontWeight="normal">
                  (optional)
                </Text>
              </Field.Label>
              <Textarea
                ref={descriptionRef}
                name="description"
                rows={2}
                value={description}
                onChange={(e) => setDescription(e.target.value)}
              />
              <Field.ErrorText>{descriptionError}</Field.ErrorText>
            </Field.Root>
            {create.isError && (
              <Alert.Root status="error" role="alert">
                <Alert.Indicator />
                <Alert.Title>{messageOf(create.error)}</Alert.Title>
              </Alert.Root>
            )}
            <Box>
              <Button type="submit" colorPalette="blue" loading={create.isPending} loadingText="Creating…">
                Create project
              </Button>
            </Box>
          </Stack>
        </form>
      </Card.Body>
    </Card.Root>
  );
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
