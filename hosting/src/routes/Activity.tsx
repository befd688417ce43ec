import { Alert, Box, Button, Field, Flex, Input, SimpleGrid, Skeleton, Stack, Text } from "@chakra-ui/react";
import { useInfiniteQuery, useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link as RouterLink, useParams, useSearchParams } from "react-router";
import { ChoiceSelect } from "../components/ChoiceSelect";
import { ProjectShell } from "../components/ProjectShell";
import { useMembers } from "../components/useMembers";
import { ACTION_LABELS, actorName, csvFileName, describeActivity, filterQuery, NO_FILTER, type ActivityFilterForm } from "../lib/activity";
import { relativeTime } from "../lib/content-view";
import { saveFile } from "../lib/download";
import { messageOf } from "../lib/problem";
import { queryKeys } from "../lib/query-keys";
import { exportActivity, listActivity, type ActivityQuery } from "../lib/review-api";
import { useApi } from "../session";
import type { Activity, ProjectWithUsage } from "../lib/api-types";

export default function ActivityPage() {
  const { projectId = "" } = useParams();
  return (
    <ProjectShell projectId={projectId} title="Activity">
      {(project) => <ActivityOf project={project} />}
    </ProjectShell>
  );
}

const ACTION_CHOICES = Object.entries(ACTION_LABELS) as [string, string][];

/** The project's log, newest first, with filters, "load more", and for owners the CSV export. */
function ActivityOf({ project }: { project: ProjectWithUsage }) {
  const api = useApi();
  const [form, setForm] = useState<ActivityFilterForm>(NO_FILTER);
  const [filters, setFilters] = useState<ActivityQuery>({});
  // A content page links here with ?contentId=: the log of that one item, until "Show all".
  const [search, setSearch] = useSearchParams();
  const contentId = search.get("contentId");
  const applied: ActivityQuery = contentId ? { ...filters, contentId } : filters;
  const [formError, setFormError] = useState<string | null>(null);
  const members = useMembers(project.id);
  const actorChoices: [string, string][] = [
    ...(members.data?.pages.flatMap((page) => page.items) ?? []).map(
      (m): [string, string] => [m.uid, m.displayName || m.email || m.uid],
    ),
    ["schedule", "The schedule"],
    ["system", "The system"],
  ];
  const log = useInfiniteQuery({
    queryKey: queryKeys.activityFiltered(project.id, applied),
    queryFn: ({ pageParam }) => listActivity(api, project.id, applied, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const records = log.data?.pages.flatMap((page) => page.items) ?? [];
  const download = useMutation({
    mutationFn: () => exportActivity(api, project.id, applied),
    onSuccess: (file) => saveFile(file, csvFileName(project.name), "text/csv;charset=utf-8"),
  });

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const result = filterQuery(form);
    if (!result.ok) {
      setFormError(result.message);
      return;
    }
    setFormError(null);
    setFilters(result.query);
  };
  const clear = () => {
    setForm(NO_FILTER);
    setFormError(null);
    setFilters({});
  };
  const set = (field: keyof ActivityFilterForm) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  return (
    <Stack gap="5">
      <Box as="form" onSubmit={apply} aria-label="Filter the activity" borderWidth="1px" rounded="lg" p="4">
        <SimpleGrid columns={{ base: 1, sm: 2, lg: 4 }} gap="3">
          <Field.Root>
            <Field.Label>What</Field.Label>
            <ChoiceSelect choices={ACTION_CHOICES} empty="Everything" value={form.action} onChange={set("action")} />
          </Field.Root>
          <Field.Root>
            <Field.Label>Who</Field.Label>
            <ChoiceSelect choices={actorChoices} empty="Anyone" value={form.actor} onChange={set("actor")} />
          </Field.Root>
          <Field.Root invalid={formError !== null && formError.includes("From")}>
            <Field.Label>From</Field.Label>
            <Input type="datetime-local" value={form.since} onChange={(e) => set("since")(e.target.value)} />
          </Field.Root>
          <Field.Root invalid={formError !== null && formError.includes("To")}>
            <Field.Label>To</Field.Label>
            <Input type="datetime-local" value={form.until} onChange={(e) => set("until")(e.target.value)} />
          </Field.Root>
        </SimpleGrid>
        {formError && (
          <Text color="fg.error" fontSize="sm" mt="2" role="alert">
            {formError}
          </Text>
        )}
        <Flex gap="2" mt="3" wrap="wrap">
          <Button type="submit" size="sm">
            Show
          </Button>
          <Button size="sm" variant="ghost" onClick={clear}>
            Clear filters
          </Button>
          <Box flex="1" />
          {project.role === "owner" && (
            <Button size="sm" variant="outline" onClick={() => download.mutate()} loading={download.isPending} loadingText="Exporting…">
              Export as CSV
            </Button>
          )}
        </Flex>
        {download.isError && (
          <Text color="fg.error" fontSize="sm" mt="2" role="alert">
            Couldn't export the activity. {messageOf(download.error)}
          </Text>
        )}
      </Box>

      {contentId && (
        <Flex gap="3" align="center" wrap="wrap">
          <Text>Only what concerns one content item.</Text>
          <Button size="xs" variant="outline" onClick={() => setSearch({})}>
            Show all activity
          </Button>
        </Flex>
      )}
      {log.isPending && (
        <Stack aria-busy="true">
          {[0, 1, 2].map((n) => (
            <Skeleton key={n} h="12" rounded="md" />
          ))}
        </Stack>
      )}
      {log.isError && (
        <Alert.Root status="error" role="alert">
          <Alert.Indicator />
          <Alert.Title>Couldn't load the activity. {messageOf(log.error)}</Alert.Title>
        </Alert.Root>
      )}
      {log.isSuccess && records.length === 0 && (
        <Text color="fg.muted">{Object.keys(applied).length > 0 ? "Nothing matches these filters." : "Nothing has happened here yet."}</Text>
      )}
      {records.length > 0 && (
        <Stack as="ol" listStyleType="none" gap="0" borderWidth="1px" rounded="lg" divideY="1px">
          {records.map((a) => (
            <ActivityRow key={a.id} record={a} projectId={project.id} />
          ))}
        </Stack>
      )}
      {(log.hasNextPage || log.isFetchNextPageError) && (
        <Flex justify="center">
          <Button variant="outline" onClick={() => log.fetchNextPage()} loading={log.isFetchingNextPage} loadingText="Loading…">
            {log.isFetchNextPageError ? "Try again" : "Load more"}
          </Button>
        </Flex>
      )}
    </Stack>
  );
}

function ActivityRow({ record, projectId }: { record: Activity; projectId: string }) {
  const at = new Date(record.at);
  const note = record.details?.note;
  const linkable = record.contentId && record.action !== "content.deleted";
  return (
    <Flex as="li" gap={{ base: "1", md: "4" }} px="4" py="3" direction={{ base: "column", md: "row" }}>
      <Box flex="1" minW="0">
        <Text css={{ overflowWrap: "anywhere" }}>{describeActivity(record)}</Text>
        {note && (
          <Text fontSize="sm" color="fg.muted" whiteSpace="pre-line" css={{ overflowWrap: "anywhere" }}>
            “{note}”
          </Text>
        )}
        {linkable && (
          <Text fontSize="sm">
            <RouterLink
              to={`/projects/${encodeURIComponent(projectId)}/contents/${encodeURIComponent(record.contentId ?? "")}`}
              style={{ textDecoration: "underline" }}
            >
              Open the item
            </RouterLink>
          </Text>
        )}
      </Box>
      <Text fontSize="sm" color="fg.muted" flexShrink={0} title={Number.isNaN(at.getTime()) ? undefined : at.toLocaleString()}>
        <Text as="span" srOnly>
          {actorName(record)},{" "}
        </Text>
        <time dateTime={record.at}>{relativeTime(record.at)}</time>
      </Text>
    </Flex>
  );
}
