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
  NativeSelect,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
} from "@chakra-ui/react";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { Link as RouterLink, useNavigate } from "react-router";
import { InvitationInbox } from "../components/Invitations";
import { NoticeArea, type NoticeValue } from "../components/Notice";
import { PageTitle } from "../components/PageTitle";
import { usePeopleApi } from "../components/usePeopleApi";
import { ApiError, messageOf } from "../lib/problem";
import { dedupeProjects, filterProjects, resultSummary, type ArchiveFilter } from "../lib/project-list";
import { abilitiesOf } from "../lib/roles";
import { useApi } from "../session";
import { queryKeys, storeProject } from "../lib/query-keys";
import { SectionCard } from "../components/SectionCard";
import type { Project } from "../lib/api-types";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

export default function Projects() {
  const api = useApi();
  const projects = useInfiniteQuery({
    queryKey: queryKeys.projects(),
    queryFn: ({ pageParam }) => api.listProjects(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const all = dedupeProjects(projects.data?.pages.flatMap((page) => page.items) ?? []);
  const [search, setSearch] = useState("");
  const [show, setShow] = useState<ArchiveFilter>("active");
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const shown = filterProjects(all, search, show);
  const filtering = search.trim() !== "";

  return (
    <Stack gap="8">
      <PageTitle>Your projects</PageTitle>
      <InvitationInbox />
      <NewProject />
      <Box as="section" aria-labelledby="all-projects">
        <Heading as="h2" id="all-projects" size="lg" mb="3">
          All projects
        </Heading>
        <Flex gap="3" mb="2" wrap="wrap" align="end" role="search">
          <Field.Root flex="1 1 16rem">
            <Field.Label>Search projects</Field.Label>
            <Input
              type="search"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              placeholder="Name or description"
              autoComplete="off"
            />
          </Field.Root>
          <Field.Root flex="0 1 12rem">
            <Field.Label>Show</Field.Label>
            <NativeSelect.Root>
              <NativeSelect.Field value={show} onChange={(event) => setShow(event.target.value as ArchiveFilter)}>
                <option value="active">Active projects</option>
                <option value="archived">Archived projects</option>
                <option value="all">All projects</option>
              </NativeSelect.Field>
              <NativeSelect.Indicator />
            </NativeSelect.Root>
          </Field.Root>
        </Flex>
        <Text fontSize="sm" color="fg.muted" mb="3" role="status" aria-live="polite">
          {projects.isSuccess && all.length > 0 ? resultSummary(shown.length, all.length, Boolean(projects.hasNextPage), filtering) : ""}
        </Text>
        <NoticeArea notice={notice} mb={notice ? "3" : undefined} />
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
        {projects.isSuccess && all.length > 0 && shown.length === 0 && (
          <Text color="fg.muted">
            {show === "archived" && !search.trim()
              ? "No archived projects among those loaded."
              : "No project matches. Try other words, or show all projects."}
          </Text>
        )}
        {shown.length > 0 && (
          <SimpleGrid as="ul" listStyleType="none" columns={{ base: 1, md: 2, lg: 3 }} gap="3">
            {shown.map((project) => (
              <ProjectCard key={project.id} project={project} onNotice={setNotice} />
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

type Notice = NoticeValue;

function ProjectCard({ project, onNotice }: { project: Project; onNotice: (notice: Notice) => void }) {
  const updated = new Date(project.updatedAt);
  const people = usePeopleApi();
  const queryClient = useQueryClient();
  const archive = useMutation({
    mutationFn: () => people.setArchived(project, !project.archived),
    onSuccess: (changed) => {
      storeProject(queryClient, changed);
      void queryClient.invalidateQueries({ queryKey: queryKeys.projects() });
      onNotice({
        text: changed.archived
          ? `“${changed.name}” is archived. Choose “Archived projects” to see it again.`
          : `“${changed.name}” is active again.`,
        error: false,
      });
    },
    onError: (error) => {
      // A stale version means someone else changed it: reload the list so the next try works.
      if (error instanceof ApiError && error.status === 412) void queryClient.invalidateQueries({ queryKey: queryKeys.projects() });
      onNotice({ text: `Couldn't ${project.archived ? "restore" : "archive"} “${project.name}”. ${messageOf(error)}`, error: true });
    },
  });
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
          <Flex gap="2" align="center" mt="auto" pt="2" fontSize="sm" color="fg.muted" wrap="wrap">
            <Badge>{project.role}</Badge>
            {project.archived && <Badge colorPalette="orange">archived</Badge>}
            {!Number.isNaN(updated.getTime()) && (
              <span>
                Updated <time dateTime={project.updatedAt}>{dateFormat.format(updated)}</time>
              </span>
            )}
            {abilitiesOf(project.role).archive && (
              <Button
                size="xs"
                variant="outline"
                ms="auto"
                position="relative"
                zIndex="1"
                onClick={() => archive.mutate()}
                loading={archive.isPending}
                aria-label={`${project.archived ? "Restore" : "Archive"} ${project.name}`}
              >
                {project.archived ? "Restore" : "Archive"}
              </Button>
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
      void queryClient.invalidateQueries({ queryKey: queryKeys.projects() });
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
    <SectionCard id="new-project" title="New project">
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
    </SectionCard>
  );
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
