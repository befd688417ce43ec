import { Alert, Badge, Box, Button, Card, chakra, Field, Flex, Heading, Input, Skeleton, Stack, Text } from "@chakra-ui/react";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState, type FormEvent } from "react";
import { Link as RouterLink, useNavigate, useParams } from "react-router";
import { CapsFields } from "../components/CapsFields";
import { ForecastLine } from "../components/generate/ForecastLine";
import { NoticeArea, type NoticeValue } from "../components/Notice";
import { ProjectShell } from "../components/ProjectShell";
import { RowsEditor, startRows, type RowsValue } from "../components/RowsEditor";
import { ScheduleFields } from "../components/ScheduleFields";
import { BackgroundDownload } from "../components/BackgroundDownload";
import { buildsInBackground } from "../lib/background-exports";
import { usePeopleApi } from "../components/usePeopleApi";
import {
  checkBatchSettings,
  formatRun,
  gridToRows,
  microsToDollars,
  placeProblems,
  previewSchedule,
  scheduleInput,
  sortBatchProblems,
  type PlacedProblems,
  type ScheduleInput,
} from "../lib/batch-form";
import {
  isActive,
  latestRunLine,
  RUN_STATUS_COLORS,
  RUN_STATUS_WORDS,
  runCost,
  runCounts,
  runDownloads,
  runExportFileName,
  runNowNotice,
  schedulerProblem,
  type RunExportFormat,
} from "../lib/batch-runs";
import { saveFile } from "../lib/download";
import { flaggedLabel } from "../lib/brand-rules";
import { ApiError, messageOf } from "../lib/problem";
import { whyNot } from "../lib/roles";
import { queryKeys } from "../lib/query-keys";
import { SectionCard } from "../components/SectionCard";
import { listTemplates } from "../lib/contents-api";
import { useApi } from "../session";
import type { Batch, BatchChange, BatchRun, Project, Template } from "../lib/api-types";

// A fieldset is as wide as its widest content unless told otherwise, which would push a phone sideways.
const Fieldset = chakra("fieldset", { base: { minW: "0" } });
const Table = chakra("table");
const Thead = chakra("thead");
const Th = chakra("th");
const Td = chakra("td");
const Tr = chakra("tr");

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

type Notice = NoticeValue;

export default function BatchPage() {
  const { projectId = "", batchId = "" } = useParams();
  const people = usePeopleApi();
  const batch = useQuery({ queryKey: queryKeys.batch(projectId, batchId), queryFn: () => people.getBatch(projectId, batchId) });
  return (
    <ProjectShell projectId={projectId} title={batch.data?.name ?? "Batch"}>
      {(project) => {
        if (batch.isPending) {
          return (
            <Stack gap="3" aria-busy="true">
              <Skeleton h="24" />
              <Skeleton h="40" />
            </Stack>
          );
        }
        if (batch.isError) {
          const missing = batch.error instanceof ApiError && [403, 404].includes(batch.error.status);
          return (
            <Stack gap="3" align="start">
              <Alert.Root status="error" role="alert">
                <Alert.Indicator />
                <Alert.Title>{missing ? "This batch isn't in this project, or was deleted." : `Couldn't load the batch. ${messageOf(batch.error)}`}</Alert.Title>
              </Alert.Root>
              <Button asChild variant="outline">
                <RouterLink to={`/projects/${encodeURIComponent(projectId)}/batches`}>All batches</RouterLink>
              </Button>
            </Stack>
          );
        }
        return <BatchView project={project} batch={batch.data} />;
      }}
    </ProjectShell>
  );
}

function BatchView({ project, batch }: { project: Project; batch: Batch }) {
  const people = usePeopleApi();
  const api = useApi();
  const queryClient = useQueryClient();
  const reason = whyNot(project.role, "generate");
  const [notice, setNotice] = useState<Notice>(null);
  const templates = useQuery({ queryKey: queryKeys.templates(project.id), queryFn: () => listTemplates(api, project.id) });
  const template = templates.data?.find((t) => t.id === batch.templateId);
  const runsKey = queryKeys.batchRuns(project.id, batch.id);
  const runs = useInfiniteQuery({
    queryKey: runsKey,
    queryFn: ({ pageParam }) => people.listRuns(project.id, batch.id, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // Keep the history current while a run is going; stop polling once it settles.
    refetchInterval: (query) => (isActive(query.state.data?.pages[0]?.items[0]) ? 3000 : false),
  });
  const allRuns = runs.data?.pages.flatMap((page) => page.items) ?? [];
  const latest = allRuns[0];

  const stored = (changed: Batch) => {
    queryClient.setQueryData(queryKeys.batch(project.id, batch.id), changed);
    void queryClient.invalidateQueries({ queryKey: queryKeys.batches(project.id) });
  };
  const onError = (what: string) => (error: unknown) => {
    if (error instanceof ApiError && error.status === 412) void queryClient.invalidateQueries({ queryKey: queryKeys.batch(project.id, batch.id) });
    setNotice({ text: `Couldn't ${what}. ${messageOf(error)}`, error: true });
  };
  const pause = useMutation({
    mutationFn: () => people.updateBatch(batch, { paused: !batch.paused }),
    onSuccess: (changed) => {
      stored(changed);
      setNotice({ text: changed.paused ? "Paused: no scheduled runs until you resume." : "Resumed: the schedule counts from now.", error: false });
    },
    onError: onError(batch.paused ? "resume the batch" : "pause the batch"),
  });
  const runNow = useMutation({
    mutationFn: () => people.runNow(project.id, batch.id),
    onSuccess: (run) => {
      void queryClient.invalidateQueries({ queryKey: runsKey });
      void queryClient.invalidateQueries({ queryKey: queryKeys.batch(project.id, batch.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.budget(project.id) });
      setNotice(runNowNotice(run));
    },
    onError: onError("start a run"),
  });
  const cancel = useMutation({
    mutationFn: () => people.cancelRun(project.id, batch.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: runsKey });
      setNotice({ text: "The latest run is cancelled; items already done stay in the project.", error: false });
    },
    onError: onError("cancel the run"),
  });

  const next = previewSchedule(batch.schedule, batch.timeZone, new Date(), 3);
  const problem = schedulerProblem(batch, safeDate);
  return (
    <Stack gap="6">
      {problem && (
        <Alert.Root status="warning" role="status">
          <Alert.Indicator />
          <Alert.Title>{problem}</Alert.Title>
        </Alert.Root>
      )}
      <Card.Root as="section" aria-labelledby="batch-state">
        <Card.Body gap="3">
          <Flex gap="2" align="center" wrap="wrap">
            <Heading as="h2" id="batch-state" size="md">
              {batch.paused ? "Paused" : "Active"}
            </Heading>
            <Badge colorPalette={batch.paused ? "orange" : "green"}>{batch.paused ? "paused" : "active"}</Badge>
            <Badge>{batch.kind}</Badge>
            <Text fontSize="sm" color="fg.muted">
              Template: {template?.name ?? batch.templateId} · {batch.rows.length} {batch.rows.length === 1 ? "row" : "rows"}
            </Text>
          </Flex>
          <Text>
            {next.ok ? next.description : batch.schedule}.{" "}
            {batch.paused
              ? "No scheduled runs while paused."
              : next.ok && next.next.length > 0
                ? `Next run: ${formatRun(next.next[0], batch.timeZone)}.`
                : "No more scheduled runs."}
          </Text>
          <Flex gap="2" wrap="wrap">
            <Button
              onClick={() => runNow.mutate()}
              loading={runNow.isPending}
              colorPalette="blue"
              disabled={Boolean(reason)}
              aria-describedby={reason ? "batch-role-note" : undefined}
            >
              Run now
            </Button>
            <Button
              variant="outline"
              onClick={() => pause.mutate()}
              loading={pause.isPending}
              disabled={Boolean(reason)}
              aria-describedby={reason ? "batch-role-note" : undefined}
            >
              {batch.paused ? "Resume" : "Pause"}
            </Button>
            <Button
              variant="outline"
              colorPalette="red"
              onClick={() => cancel.mutate()}
              loading={cancel.isPending}
              disabled={Boolean(reason) || !isActive(latest)}
              aria-describedby={reason ? "batch-role-note" : "cancel-note"}
            >
              Cancel the latest run
            </Button>
            <DeleteBatch batch={batch} disabled={Boolean(reason)} />
          </Flex>
          {!reason && <ForecastLine projectId={project.id} body={{ batchId: batch.id }} />}
          {reason ? (
            <Text id="batch-role-note" fontSize="sm" color="fg.muted">
              {reason}
            </Text>
          ) : (
            !isActive(latest) && (
              <Text id="cancel-note" fontSize="sm" color="fg.muted">
                There is no run going to cancel.
              </Text>
            )
          )}
          <NoticeArea notice={notice} />
        </Card.Body>
      </Card.Root>

      <RunHistory runs={allRuns} query={runs} timeZone={batch.timeZone} latest={latest} projectId={project.id} batch={batch} />

      <Settings batch={batch} disabled={Boolean(reason)} onSaved={stored} />

      {template ? (
        <Rows batch={batch} template={template} disabled={Boolean(reason)} onSaved={stored} />
      ) : (
        templates.isError && (
          <Alert.Root status="error">
            <Alert.Indicator />
            <Alert.Title>Couldn't load the batch's template, so its rows can't be shown. {messageOf(templates.error)}</Alert.Title>
          </Alert.Root>
        )
      )}
    </Stack>
  );
}

function DeleteBatch({ batch, disabled }: { batch: Batch; disabled: boolean }) {
  const people = usePeopleApi();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => people.deleteBatch(batch),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.batches(batch.projectId) });
      navigate(`/projects/${encodeURIComponent(batch.projectId)}/batches`, { replace: true });
    },
  });
  if (!confirming) {
    return (
      <Button variant="ghost" colorPalette="red" disabled={disabled} onClick={() => setConfirming(true)}>
        Delete…
      </Button>
    );
  }
  return (
    <Flex gap="2" align="center" wrap="wrap" flexBasis="full">
      <Text>Delete “{batch.name}”? What its runs made stays in the project.</Text>
      <Button colorPalette="red" size="sm" loading={remove.isPending} onClick={() => remove.mutate()}>
        Delete the batch
      </Button>
      <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
        Keep it
      </Button>
      {remove.isError && (
        <Text color="fg.error" role="alert" flexBasis="full">
          Couldn't delete the batch. {messageOf(remove.error)}
        </Text>
      )}
    </Flex>
  );
}

function RunHistory({
  runs,
  query,
  timeZone,
  latest,
  projectId,
  batch,
}: {
  projectId: string;
  batch: Batch;
  runs: BatchRun[];
  query: { isPending: boolean; isError: boolean; error: unknown; hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  timeZone: string;
  latest: BatchRun | undefined;
}) {
  return (
    <Box as="section" aria-labelledby="run-history">
      <Heading as="h2" id="run-history" size="lg" mb="2">
        Runs
      </Heading>
      <Text mb="3" role="status" aria-live="polite">
        {query.isPending ? "" : latestRunLine(latest)}
      </Text>
      {query.isPending && <Skeleton h="24" aria-busy="true" />}
      {query.isError && (
        <Alert.Root status="error" role="alert">
          <Alert.Indicator />
          <Alert.Title>Couldn't load the runs. {messageOf(query.error)}</Alert.Title>
        </Alert.Root>
      )}
      {runs.length > 0 && (
        <Box overflowX="auto" borderWidth="1px" rounded="md" bg="bg">
          <Table w="full" fontSize="sm" css={{ borderCollapse: "collapse", "& th, & td": { padding: "8px", verticalAlign: "top", textAlign: "start" } }}>
            <Thead bg="bg.muted">
              <tr>
                <Th scope="col">Started</Th>
                <Th scope="col">Status</Th>
                <Th scope="col">Items</Th>
                <Th scope="col">Cost</Th>
                <Th scope="col">Failures</Th>
                <Th scope="col">Download</Th>
              </tr>
            </Thead>
            <tbody>
              {runs.map((run) => (
                <Tr key={run.id} borderTopWidth="1px">
                  <Th scope="row" fontWeight="normal" minW="10rem">
                    <time dateTime={run.startedAt}>{safeDate(run.startedAt)}</time>
                    <Text color="fg.muted">
                      {run.trigger === "manual" ? "By hand" : `Due ${formatRun(new Date(run.dueAt), timeZone)}`}
                    </Text>
                  </Th>
                  <Td>
                    <Badge colorPalette={RUN_STATUS_COLORS[run.status]}>{RUN_STATUS_WORDS[run.status]}</Badge>
                  </Td>
                  <Td minW="10rem">
                    {runCounts(run)}
                    {flaggedLabel(run.flagged) && (
                      <Badge ms="2" size="sm" colorPalette="orange" title="Items whose text breaks a brand rule">
                        {flaggedLabel(run.flagged)}
                      </Badge>
                    )}
                  </Td>
                  <Td>{runCost(run)}</Td>
                  <Td minW="14rem">
                    {run.failures && run.failures.length > 0 ? (
                      <RowNotes
                        notes={run.failures}
                        summary={`${run.failures.length} ${run.failures.length === 1 ? "failure" : "failures"}${
                          (run.failed ?? 0) > run.failures.length ? ` (first ${run.failures.length} shown)` : ""
                        }`}
                      />
                    ) : (
                      !run.skippedRows?.length && <Text color="fg.muted">None</Text>
                    )}
                    {run.skippedRows && run.skippedRows.length > 0 && (
                      <RowNotes
                        notes={run.skippedRows}
                        summary={`${run.skippedRows.length} ${run.skippedRows.length === 1 ? "row" : "rows"} not sent`}
                      />
                    )}
                  </Td>
                  <Td minW="9rem">
                    {run.status === "skipped" ? (
                      <Text color="fg.muted">Nothing to download</Text>
                    ) : (
                      <RunDownloads projectId={projectId} batch={batch} run={run} />
                    )}
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        </Box>
      )}
      {query.hasNextPage && (
        <Button mt="3" variant="outline" onClick={() => query.fetchNextPage()} loading={query.isFetchingNextPage}>
          Load older runs
        </Button>
      )}
    </Box>
  );
}

/**
 * "Download CSV" and "Download JSONL" of one run, and "Download media (ZIP)" for a batch of images
 * or videos: the file the server writes, saved under its name.
 */
const DOWNLOAD_WORDS: Record<RunExportFormat, string> = {
  csv: "Download CSV",
  jsonl: "Download JSONL",
  zip: "Download media (ZIP)",
};

function RunDownloads({ projectId, batch, run }: { projectId: string; batch: Batch; run: BatchRun }) {
  const people = usePeopleApi();
  // From how many rows the server would rather build the file in the background.
  const threshold = useQuery({ queryKey: ["export-threshold", projectId], queryFn: () => people.listExports(projectId), staleTime: 5 * 60_000 });
  const download = useMutation({
    mutationFn: (format: RunExportFormat) =>
      format === "zip" ? people.exportRunMedia(projectId, batch.id, run.id) : people.exportRun(projectId, batch.id, run.id, format),
    onSuccess: (file, format) => saveFile(file, runExportFileName(batch.name, run, format)),
  });
  const started = safeDate(run.startedAt);
  const background = buildsInBackground(run, threshold.data?.backgroundRows);
  return (
    <Stack gap="1" align="start">
      {runDownloads(batch.kind).map((format) =>
        background ? (
          <BackgroundDownload
            key={format}
            size="xs"
            projectId={projectId}
            request={{ what: "run", batchId: batch.id, runId: run.id, format }}
            label={DOWNLOAD_WORDS[format]}
            ariaLabel={`${DOWNLOAD_WORDS[format]} of the run of ${started}`}
          />
        ) : (
          <Button
            key={format}
            size="xs"
            variant="outline"
            onClick={() => download.mutate(format)}
            loading={download.isPending && download.variables === format}
            aria-label={`${DOWNLOAD_WORDS[format]} of the run of ${started}`}
          >
            {DOWNLOAD_WORDS[format]}
          </Button>
        ),
      )}
      {download.isError && (
        <Text color="fg.error" role="alert" fontSize="xs">
          Couldn't download. {messageOf(download.error)}
        </Text>
      )}
    </Stack>
  );
}

function safeDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

interface SettingsErrors {
  name?: string;
  schedule?: string;
  timeZone?: string;
  maxConcurrent?: string;
  budget?: string;
}

function Settings({ batch, disabled, onSaved }: { batch: Batch; disabled: boolean; onSaved: (batch: Batch) => void }) {
  const people = usePeopleApi();
  const [name, setName] = useState(batch.name);
  const [schedule, setSchedule] = useState<ScheduleInput>(() => scheduleInput(batch.schedule, batch.timeZone));
  const [maxConcurrent, setMaxConcurrent] = useState(String(batch.maxConcurrent));
  const [budget, setBudget] = useState(microsToDollars(batch.budgetMicros));
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [message, setMessage] = useState<Notice>(null);
  const now = useMemo(() => new Date(), []);
  const save = useMutation({
    mutationFn: (change: BatchChange) => people.updateBatch(batch, change),
    onSuccess: (changed) => {
      onSaved(changed);
      setMessage({ text: "Saved.", error: false });
    },
    onError: (error) => {
      const next = sortBatchProblems(error instanceof ApiError ? error.fieldProblems : [], "list").fields;
      setErrors(next);
      setMessage({ text: messageOf(error), error: true });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    const { errors: next, values } = checkBatchSettings({ name, schedule, maxConcurrent, budget }, new Date());
    setErrors(next);
    if (!values) return;
    const change: BatchChange = {};
    if (values.name !== batch.name) change.name = values.name;
    if (values.schedule !== batch.schedule || values.timeZone !== batch.timeZone) {
      change.schedule = values.schedule;
      change.timeZone = values.timeZone;
    }
    if (values.maxConcurrent !== batch.maxConcurrent) change.maxConcurrent = values.maxConcurrent;
    if (values.budgetMicros !== batch.budgetMicros) change.budgetMicros = values.budgetMicros;
    if (Object.keys(change).length === 0) {
      setMessage({ text: "Nothing has changed.", error: false });
      return;
    }
    save.mutate(change);
  }

  return (
    <SectionCard id="batch-settings" title="Schedule and limits">
      <form onSubmit={submit} noValidate>
        <Fieldset disabled={disabled}>
          <Stack gap="4">
            <Field.Root required invalid={Boolean(errors.name)} maxW="md">
              <Field.Label>Name</Field.Label>
              <Input value={name} maxLength={100} onChange={(e) => setName(e.target.value)} autoComplete="off" />
              <Field.ErrorText>{errors.name}</Field.ErrorText>
            </Field.Root>
            <ScheduleFields idPrefix="batch-schedule" value={schedule} onChange={setSchedule} errors={errors} now={now} />
            <CapsFields maxConcurrent={maxConcurrent} budget={budget} onMaxConcurrent={setMaxConcurrent} onBudget={setBudget} errors={errors} />
            <Text fontSize="sm" color="fg.muted">
              A new schedule counts from the moment you save it.
            </Text>
            <Flex gap="3" align="center" wrap="wrap">
              <Button type="submit" colorPalette="blue" loading={save.isPending} loadingText="Saving…">
                Save changes
              </Button>
              <Box role="status" aria-live="polite">
                {message && <Text color={message.error ? "fg.error" : "fg.success"}>{message.text}</Text>}
              </Box>
            </Flex>
          </Stack>
        </Fieldset>
      </form>
    </SectionCard>
  );
}

function Rows({ batch, template, disabled, onSaved }: { batch: Batch; template: Template; disabled: boolean; onSaved: (batch: Batch) => void }) {
  const people = usePeopleApi();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState<RowsValue>(() => startRows(template, batch.rows));
  const [problems, setProblems] = useState<PlacedProblems | null>(null);
  const [message, setMessage] = useState<Notice>(null);
  const save = useMutation({
    mutationFn: async () => {
      if (value.source === "csv") {
        if (!value.file) throw new ApiError("Choose a CSV file first.", 0);
        return people.uploadRows(batch.projectId, batch.id, value.file);
      }
      return people.updateBatch(batch, { rows: gridToRows(value.grid).rows });
    },
    onSuccess: (changed) => {
      onSaved(changed);
      setProblems(null);
      setEditing(false);
      setMessage({ text: `Saved ${changed.rows.length} ${changed.rows.length === 1 ? "row" : "rows"}; the next run uses them.`, error: false });
    },
    onError: (error) => {
      const fieldProblems = error instanceof ApiError ? error.fieldProblems : [];
      setProblems(
        fieldProblems.length > 0
          ? placeProblems(fieldProblems, value.source === "csv" ? "csv" : "list", value.source === "grid" ? gridToRows(value.grid).gridIndex : undefined)
          : null,
      );
      setMessage({ text: messageOf(error), error: true });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    if (value.source === "grid" && gridToRows(value.grid).rows.length === 0) {
      setMessage({ text: "Type at least one row.", error: true });
      return;
    }
    save.mutate();
  }

  const columns = template.variables.map((v) => v.name);
  return (
    <Card.Root as="section" aria-labelledby="batch-rows">
      <Card.Body gap="3">
        <Flex gap="3" align="center" wrap="wrap">
          <Heading as="h2" id="batch-rows" size="lg">
            Rows ({batch.rows.length})
          </Heading>
          {!editing && (
            <Button
              size="sm"
              variant="outline"
              ms="auto"
              disabled={disabled}
              onClick={() => {
                setValue(startRows(template, batch.rows));
                setProblems(null);
                setMessage(null);
                setEditing(true);
              }}
            >
              Change the rows
            </Button>
          )}
        </Flex>
        <Text fontSize="sm" color="fg.muted">
          Template “{template.name}”: {template.body}
        </Text>
        {editing ? (
          <form onSubmit={submit} noValidate>
            <Stack gap="3">
              <RowsEditor idPrefix="batch-rows-editor" template={template} value={value} onChange={setValue} problems={problems} />
              <Flex gap="2">
                <Button type="submit" colorPalette="blue" loading={save.isPending} loadingText="Saving…">
                  {value.source === "csv" ? "Upload the file" : "Save the rows"}
                </Button>
                <Button variant="ghost" onClick={() => setEditing(false)}>
                  Cancel
                </Button>
              </Flex>
            </Stack>
          </form>
        ) : batch.rows.length === 0 ? (
          <Text color="fg.muted">No rows yet: runs are skipped until the batch has some.</Text>
        ) : (
          <Box overflowX="auto" borderWidth="1px" rounded="md" maxH="24rem" overflowY="auto">
            <Table w="full" fontSize="sm" css={{ borderCollapse: "collapse", "& th, & td": { padding: "6px", textAlign: "start", verticalAlign: "top" } }}>
              <Thead bg="bg.muted" position="sticky" top="0">
                <tr>
                  <Th scope="col">Row</Th>
                  {columns.map((name) => (
                    <Th scope="col" key={name}>
                      {name}
                    </Th>
                  ))}
                </tr>
              </Thead>
              <tbody>
                {batch.rows.map((row, index) => (
                  <Tr key={index} borderTopWidth="1px">
                    <Th scope="row" fontWeight="normal" color="fg.muted">
                      {index + 1}
                    </Th>
                    {columns.map((name) => (
                      <Td key={name} whiteSpace="pre-wrap">
                        {row[name] ?? ""}
                      </Td>
                    ))}
                  </Tr>
                ))}
              </tbody>
            </Table>
          </Box>
        )}
        <NoticeArea notice={message} />
      </Card.Body>
    </Card.Root>
  );
}

/** A folded list of rows, each with what happened to it: a run's failures, or the rows it did not send. */
function RowNotes({ notes, summary }: { notes: { row: number; reason: string }[]; summary: string }) {
  return (
    <details>
      <summary>{summary}</summary>
      <Box as="ul" ps="4" listStyleType="disc">
        {notes.map((note) => (
          <li key={note.row}>
            Row {note.row}: {note.reason}
          </li>
        ))}
      </Box>
    </details>
  );
}
