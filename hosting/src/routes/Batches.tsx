import { Alert, Badge, Box, Button, Card, chakra, Field, Flex, Heading, Input, LinkBox, LinkOverlay, NativeSelect, Skeleton, Stack, Text } from "@chakra-ui/react";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useRef, useState, type FormEvent } from "react";
import { Link as RouterLink, useNavigate, useParams, useSearchParams } from "react-router";
import { CapsFields } from "../components/CapsFields";
import { NoticeArea } from "../components/Notice";
import { ProjectShell } from "../components/ProjectShell";
import { RowsEditor, startRows, type RowsValue } from "../components/RowsEditor";
import { ScheduleFields } from "../components/ScheduleFields";
import { usePeopleApi } from "../components/usePeopleApi";
import {
  browserTimeZone,
  checkBatchSettings,
  dollarsToMicros,
  gridToRows,
  previewSchedule,
  scheduleText,
  sortBatchProblems,
  type BatchFieldErrors,
  type PlacedProblems,
  type ScheduleInput,
} from "../lib/batch-form";
import { ApiError, messageOf } from "../lib/problem";
import { whyNot } from "../lib/roles";
import { queryKeys } from "../lib/query-keys";
import { listTemplates } from "../lib/contents-api";
import { useApi } from "../session";
import type { Batch, Project } from "../lib/api-types";

// A fieldset is as wide as its widest content unless told otherwise, which would push a phone sideways.
const Fieldset = chakra("fieldset", { base: { minW: "0" } });

export default function Batches() {
  const { projectId = "" } = useParams();
  return (
    <ProjectShell projectId={projectId} title="Batches">
      {(project) => <BatchesOf project={project} />}
    </ProjectShell>
  );
}

function BatchesOf({ project }: { project: Project }) {
  const people = usePeopleApi();
  const [creating, setCreating] = useState(() => new URLSearchParams(window.location.search).has("template"));
  const reason = whyNot(project.role, "generate");
  const batches = useInfiniteQuery({
    queryKey: queryKeys.batches(project.id),
    queryFn: ({ pageParam }) => people.listBatches(project.id, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const all = batches.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="6">
      <Text color="fg.muted">
        A batch runs one template over many rows of its variables, once or on a schedule. Each run is one generation
        job with an item per row.
      </Text>
      {creating ? (
        <NewBatch project={project} onClose={() => setCreating(false)} />
      ) : (
        <Flex gap="3" align="center" wrap="wrap">
          <Button colorPalette="blue" disabled={Boolean(reason)} aria-describedby={reason ? "batch-limit" : undefined} onClick={() => setCreating(true)}>
            New batch
          </Button>
          {reason && (
            <Text id="batch-limit" fontSize="sm" color="fg.muted">
              {reason}
            </Text>
          )}
        </Flex>
      )}
      <Box as="section" aria-labelledby="batch-list">
        <Heading as="h2" id="batch-list" size="lg" mb="3">
          This project's batches
        </Heading>
        {batches.isPending && (
          <Stack gap="2" aria-busy="true">
            <Skeleton h="16" />
            <Skeleton h="16" />
          </Stack>
        )}
        {batches.isError && (
          <Alert.Root status="error" role="alert">
            <Alert.Indicator />
            <Alert.Title>Couldn't load the batches. {messageOf(batches.error)}</Alert.Title>
          </Alert.Root>
        )}
        {batches.isSuccess && all.length === 0 && <Text color="fg.muted">No batches yet.</Text>}
        {all.length > 0 && (
          <Stack as="ul" listStyleType="none" gap="2">
            {all.map((batch) => (
              <BatchCard key={batch.id} batch={batch} />
            ))}
          </Stack>
        )}
        {(batches.hasNextPage || batches.isFetchNextPageError) && (
          <Button mt="3" variant="outline" onClick={() => batches.fetchNextPage()} loading={batches.isFetchingNextPage}>
            {batches.isFetchNextPageError ? "Try again" : "Load more"}
          </Button>
        )}
      </Box>
    </Stack>
  );
}

function BatchCard({ batch }: { batch: Batch }) {
  const preview = previewSchedule(batch.schedule, batch.timeZone, new Date(), 1);
  return (
    <LinkBox asChild>
      <Card.Root as="li" size="sm" _hover={{ borderColor: "border.emphasized" }}>
        <Card.Body gap="1">
          <Flex gap="2" align="center" wrap="wrap">
            <Heading as="h3" size="md">
              <LinkOverlay asChild>
                <RouterLink to={`/projects/${encodeURIComponent(batch.projectId)}/batches/${encodeURIComponent(batch.id)}`}>
                  {batch.name}
                </RouterLink>
              </LinkOverlay>
            </Heading>
            <Badge colorPalette={batch.paused ? "orange" : "green"}>{batch.paused ? "paused" : "active"}</Badge>
            <Badge>{batch.kind}</Badge>
            {batch.lastError && <Badge colorPalette="red" title={batch.lastError}>scheduler problem</Badge>}
          </Flex>
          <Text fontSize="sm" color="fg.muted">
            {preview.ok ? preview.description : batch.schedule} · {batch.rows.length} {batch.rows.length === 1 ? "row" : "rows"}
          </Text>
        </Card.Body>
      </Card.Root>
    </LinkBox>
  );
}

type FieldErrors = BatchFieldErrors;

function NewBatch({ project, onClose }: { project: Project; onClose: () => void }) {
  const people = usePeopleApi();
  const api = useApi();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const templates = useQuery({ queryKey: queryKeys.templates(project.id), queryFn: () => listTemplates(api, project.id) });
  const [name, setName] = useState("");
  // "Use in a batch" on the Templates screen comes here with ?template=<id>.
  const [searchParams] = useSearchParams();
  const [templateId, setTemplateId] = useState(() => searchParams.get("template") ?? "");
  const template = templates.data?.find((t) => t.id === templateId);
  const [rows, setRows] = useState<RowsValue>(() => startRows(undefined));
  const [schedule, setSchedule] = useState<ScheduleInput>({ mode: "cron", onceAt: "", cron: "0 9 * * 1", timeZone: browserTimeZone() });
  const [maxConcurrent, setMaxConcurrent] = useState("4");
  const [budget, setBudget] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problems, setProblems] = useState<PlacedProblems | null>(null);
  const [failure, setFailure] = useState("");
  // Made already, when only its CSV file was refused: the next try uploads again instead of making another.
  const [made, setMade] = useState<Batch | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const now = useMemo(() => new Date(), []);

  const save = useMutation({
    mutationFn: async () => {
      const micros = dollarsToMicros(budget);
      const fromGrid = gridToRows(rows.grid);
      let batch = made;
      if (!batch) {
        try {
          batch = await people.createBatch(project.id, {
            name: name.trim(),
            templateId,
            rows: rows.source === "grid" ? fromGrid.rows : [],
            schedule: scheduleText(schedule),
            timeZone: schedule.timeZone.trim(),
            maxConcurrent: Number(maxConcurrent),
            budgetMicros: micros.ok ? micros.micros : 0,
          });
        } catch (error) {
          throw { error, stage: "create" as const, gridIndex: fromGrid.gridIndex };
        }
        setMade(batch);
      }
      if (rows.source === "csv" && rows.file) {
        try {
          batch = await people.uploadRows(project.id, batch.id, rows.file);
        } catch (error) {
          throw { error, stage: "rows" as const, gridIndex: undefined };
        }
      }
      return batch;
    },
    onSuccess: (batch) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.batches(project.id) });
      queryClient.setQueryData(queryKeys.batch(project.id, batch.id), batch);
      navigate(`/projects/${encodeURIComponent(project.id)}/batches/${encodeURIComponent(batch.id)}`);
    },
    onError: (caught: unknown) => {
      const { error, stage, gridIndex } = caught as { error: unknown; stage: "create" | "rows"; gridIndex?: number[] };
      const sorted = sortBatchProblems(error instanceof ApiError ? error.fieldProblems : [], stage === "rows" ? "csv" : "list", gridIndex);
      setErrors(sorted.fields);
      setProblems(sorted.rows);
      const prefix = stage === "rows" ? "The batch is saved, but its file was refused. Fix the file, choose it again and press “Upload the file again”. " : "";
      setFailure(prefix + messageOf(error));
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setFailure("");
    setProblems(null);
    const next: FieldErrors = made ? {} : checkBatchSettings({ name, schedule, maxConcurrent, budget }, new Date()).errors;
    if (!made && !templateId) next.templateId = "Choose the template to run.";
    let rowsMissing = "";
    if (rows.source === "grid" && gridToRows(rows.grid).rows.length === 0) rowsMissing = "Type at least one row, or upload a CSV file.";
    if (rows.source === "csv" && !rows.file) rowsMissing = "Choose a CSV file, or type the rows.";
    setErrors(next);
    if (Object.keys(next).length > 0 || rowsMissing) {
      setFailure(rowsMissing || "Some fields need your attention.");
      if (next.name) nameRef.current?.focus();
      return;
    }
    save.mutate();
  }

  return (
    <Card.Root as="section" aria-labelledby="new-batch">
      <Card.Body>
        <Heading as="h2" id="new-batch" size="lg" mb="4">
          New batch
        </Heading>
        <form onSubmit={submit} noValidate>
          <Stack gap="5">
            <Flex gap="3" wrap="wrap">
              <Field.Root required invalid={Boolean(errors.name)} flex="1 1 16rem" disabled={Boolean(made)}>
                <Field.Label>Name</Field.Label>
                <Input ref={nameRef} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} autoComplete="off" />
                <Field.ErrorText>{errors.name}</Field.ErrorText>
              </Field.Root>
              <Field.Root required invalid={Boolean(errors.templateId)} flex="1 1 16rem" disabled={Boolean(made)}>
                <Field.Label>Template</Field.Label>
                <NativeSelect.Root disabled={!templates.isSuccess || Boolean(made)}>
                  <NativeSelect.Field
                    value={templateId}
                    onChange={(e) => {
                      const chosen = templates.data?.find((t) => t.id === e.target.value);
                      setTemplateId(e.target.value);
                      setRows(startRows(chosen));
                      setProblems(null);
                    }}
                  >
                    <option value="">{templates.isPending ? "Loading templates…" : "Choose a template"}</option>
                    {templates.data?.map((t) => (
                      <option key={t.id} value={t.id}>
                        {t.name} ({t.kind})
                      </option>
                    ))}
                  </NativeSelect.Field>
                  <NativeSelect.Indicator />
                </NativeSelect.Root>
                <Field.ErrorText>{errors.templateId}</Field.ErrorText>
                {templates.isError && <Text color="fg.error" fontSize="sm">Couldn't load the templates. {messageOf(templates.error)}</Text>}
              </Field.Root>
            </Flex>
            {template && (
              <Fieldset>
                <Text as="legend" fontWeight="semibold" mb="1">
                  Rows
                </Text>
                <Text fontSize="sm" color="fg.muted" mb="2">
                  Each row fills in the template: {template.body}
                </Text>
                <RowsEditor idPrefix="new-batch" template={template} value={rows} onChange={setRows} problems={problems} />
              </Fieldset>
            )}
            <Fieldset disabled={Boolean(made)}>
              <Text as="legend" fontWeight="semibold" mb="2">
                Schedule
              </Text>
              <ScheduleFields idPrefix="new-batch-schedule" value={schedule} onChange={setSchedule} errors={errors} now={now} />
            </Fieldset>
            <Fieldset disabled={Boolean(made)}>
              <Text as="legend" fontWeight="semibold" mb="2">
                Limits of each run
              </Text>
              <CapsFields
                maxConcurrent={maxConcurrent}
                budget={budget}
                onMaxConcurrent={setMaxConcurrent}
                onBudget={setBudget}
                errors={errors}
              />
            </Fieldset>
            <NoticeArea notice={failure ? { text: failure, error: true } : null} />
            <Flex gap="2" wrap="wrap">
              <Button type="submit" colorPalette="blue" loading={save.isPending} loadingText="Saving…">
                {made ? "Upload the file again" : "Create batch"}
              </Button>
              {made ? (
                <Button asChild variant="outline">
                  <RouterLink to={`/projects/${encodeURIComponent(project.id)}/batches/${encodeURIComponent(made.id)}`}>
                    Open the batch without rows
                  </RouterLink>
                </Button>
              ) : (
                <Button variant="ghost" onClick={onClose}>
                  Cancel
                </Button>
              )}
            </Flex>
          </Stack>
        </form>
      </Card.Body>
    </Card.Root>
  );
}
