import { Alert, Badge, Box, Button, Checkbox, Code, Field, Flex, Heading, Input, NativeSelect, Skeleton, Stack, Table, Text, Textarea } from "@chakra-ui/react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { useNavigate, useParams } from "react-router";
import { ProjectShell } from "../components/ProjectShell";
import type { ProjectWithUsage, Template, TemplateDiff, TemplateExport } from "../lib/api-types";
import { saveFile } from "../lib/download";
import { newKey } from "../lib/ids";
import { ApiError, messageOf } from "../lib/problem";
import { queryKeys } from "../lib/query-keys";
import { whyNot } from "../lib/roles";
import { emptyRow, filled, sampleValues, toDraft, toRows, undeclared, VARIABLE_TYPES, type VariableRow } from "../lib/template-editor";
import {
  contentText, createTemplate, deleteTemplate, diffVersions, duplicateTemplate, exportTemplates, getJob, importTemplates,
  listAllTemplates, listVersions, previewDraft, restoreVersion, tryTemplate, updateTemplate, type Scope,
} from "../lib/templates-api";
import { useApi } from "../session";

const saveJson = (doc: unknown, fileName: string) => saveFile(JSON.stringify(doc, null, 2), fileName, "application/json");

const SCOPE_WORDS: Record<Template["scope"], string> = { project: "This project", personal: "My library", global: "Built in" };

/** Project → Templates: the built-in templates, the person's library and the project's, with an editor. */
export default function TemplatesPage() {
  const { projectId = "" } = useParams();
  return (
    <ProjectShell projectId={projectId} title="Templates">
      {(project) => <TemplatesOf project={project} />}
    </ProjectShell>
  );
}

type Selection = { template: Template | null; scope: Scope } | null;

function TemplatesOf({ project }: { project: ProjectWithUsage }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<Selection>(null);
  const [notice, setNotice] = useState("");
  const templates = useQuery({ queryKey: queryKeys.templateLibrary(project.id), queryFn: () => listAllTemplates(api, project.id) });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: queryKeys.templates(project.id) });
  const canWrite = !whyNot(project.role, "generate");
  const fileRef = useRef<HTMLInputElement>(null);
  const [importScope, setImportScope] = useState<Scope>("personal");

  const importing = useMutation({
    mutationFn: async (file: File) => importTemplates(api, project.id, importScope, JSON.parse(await file.text()) as TemplateExport),
    onSuccess: (made) => { setNotice(`Imported ${made.length} template${made.length === 1 ? "" : "s"}.`); refresh(); },
  });
  const exporting = useMutation({
    mutationFn: (scope: Scope) => exportTemplates(api, project.id, null, scope),
    onSuccess: (doc, scope) => saveJson(doc, scope === "project" ? "project-templates.json" : "my-templates.json"),
  });

  const groups = (["project", "personal", "global"] as const).map((scope) => [scope, (templates.data ?? []).filter((t) => t.scope === scope)] as const);
  return (
    <Stack gap="6">
      <Text color="fg.muted">
        A template is a prompt with typed variables written {"{{name}}"} (write \{"{{"} for a literal {"{{"}). Your library goes with you to
        all of your projects; this project's templates are shared with its members.
      </Text>
      <Flex gap="2" wrap="wrap" align="center">
        <Button colorPalette="blue" disabled={!canWrite} onClick={() => setSelected({ template: null, scope: "project" })}>
          New template
        </Button>
        <Button variant="outline" onClick={() => setSelected({ template: null, scope: "personal" })}>
          New in my library
        </Button>
        <NativeSelect.Root size="sm" width="auto">
          <NativeSelect.Field aria-label="Import into" value={importScope} onChange={(e) => setImportScope(e.target.value as Scope)}>
            <option value="personal">into my library</option>
            {canWrite && <option value="project">into this project</option>}
          </NativeSelect.Field>
          <NativeSelect.Indicator />
        </NativeSelect.Root>
        <Button variant="outline" size="sm" loading={importing.isPending} onClick={() => fileRef.current?.click()}>
          Import JSON
        </Button>
        <input ref={fileRef} type="file" accept="application/json,.json" hidden data-testid="template-import"
          onChange={(e) => { const f = e.target.files?.[0]; if (f) importing.mutate(f); e.target.value = ""; }} />
        <Button variant="ghost" size="sm" onClick={() => exporting.mutate("personal")}>Export my library</Button>
        <Button variant="ghost" size="sm" onClick={() => exporting.mutate("project")}>Export project templates</Button>
      </Flex>
      {notice && <Text role="status" color="fg.success">{notice}</Text>}
      {importing.isError && <Problems error={importing.error} title="Nothing was imported." />}
      {exporting.isError && <Text color="fg.error">{messageOf(exporting.error)}</Text>}
      <Flex gap="6" direction={{ base: "column", lg: "row" }} align="start">
        <Stack as="nav" aria-label="Templates" gap="4" minW="16rem" flex="0 0 auto">
          {templates.isPending ? <Skeleton h="24" /> : templates.isError ? <Text color="fg.error">{messageOf(templates.error)}</Text> : (
            groups.map(([scope, list]) => (
              <Box key={scope}>
                <Heading as="h2" size="sm" mb="1">{SCOPE_WORDS[scope]}</Heading>
                {list.length === 0 ? <Text fontSize="sm" color="fg.muted">None yet.</Text> : (
                  <Stack gap="1">
                    {list.map((t) => (
                      <Button key={t.id} size="sm" justifyContent="start" variant={selected?.template?.id === t.id ? "subtle" : "ghost"}
                        onClick={() => setSelected({ template: t, scope: t.scope === "project" ? "project" : "personal" })}>
                        {t.name} <Badge size="xs">{t.kind}</Badge>
                      </Button>
                    ))}
                  </Stack>
                )}
              </Box>
            ))
          )}
        </Stack>
        <Box flex="1" minW="0">
          {selected ? (
            <Editor key={`${selected.template?.id ?? "new"}-${selected.template?.version ?? selected.scope}`} project={project}
              selection={selected} canWrite={canWrite}
              onSaved={(t) => { refresh(); setSelected({ template: t, scope: t.scope === "project" ? "project" : "personal" }); }}
              onDeleted={() => { refresh(); setSelected(null); }} />
          ) : (
            <Text color="fg.muted">Choose a template, or make a new one.</Text>
          )}
        </Box>
      </Flex>
    </Stack>
  );
}

/** A refusal with the fields it names. */
function Problems({ error, title }: { error: unknown; title?: string }) {
  const fields = error instanceof ApiError ? error.fieldProblems : [];
  return (
    <Alert.Root status="error">
      <Alert.Indicator />
      <Stack gap="1">
        <Alert.Title>{title ?? messageOf(error)}</Alert.Title>
        {fields.map((f) => <Text key={f.field + f.message} fontSize="sm"><Code>{f.field}</Code> {f.message}</Text>)}
      </Stack>
    </Alert.Root>
  );
}

function Editor({ project, selection, canWrite, onSaved, onDeleted }: {
  project: ProjectWithUsage; selection: NonNullable<Selection>; canWrite: boolean;
  onSaved: (t: Template) => void; onDeleted: () => void;
}) {
  const api = useApi();
  const navigate = useNavigate();
  const saved = selection.template;
  const editable = !saved ? selection.scope === "personal" || canWrite : saved.scope === "personal" || (saved.scope === "project" && canWrite);
  const [name, setName] = useState(saved?.name ?? "");
  const [kind, setKind] = useState<Template["kind"]>(saved?.kind ?? "text");
  const [body, setBody] = useState(saved?.body ?? "");
  const [rows, setRows] = useState<VariableRow[]>(saved ? toRows(saved) : []);
  const [samples, setSamples] = useState<Record<string, string>>(() => sampleValues(saved ? toRows(saved) : []));
  const where = saved ? { projectId: project.id, template: saved } : null;
  const missing = undeclared(body, rows);
  const setRow = (i: number, change: Partial<VariableRow>) => setRows((now) => now.map((r, j) => (j === i ? { ...r, ...change } : r)));

  const save = useMutation({
    mutationFn: () => (saved && where ? updateTemplate(api, where, saved.version, toDraft(name, kind, body, rows))
      : createTemplate(api, project.id, selection.scope, toDraft(name, kind, body, rows))),
    onSuccess: onSaved,
  });
  const remove = useMutation({ mutationFn: () => deleteTemplate(api, where!), onSuccess: onDeleted });
  const duplicate = useMutation({ mutationFn: (to: Scope) => duplicateTemplate(api, where!, to), onSuccess: onSaved });
  const exportOne = useMutation({
    mutationFn: () => exportTemplates(api, project.id, saved!.id, "personal"),
    onSuccess: (doc) => saveJson(doc, `${saved!.name.replace(/[^A-Za-z0-9]+/g, "-")}.json`),
  });

  return (
    <Stack gap="5" as="section" aria-label="Template editor">
      <Flex gap="2" align="center" wrap="wrap">
        <Heading as="h2" size="md">{saved ? saved.name : selection.scope === "project" ? "New project template" : "New template in my library"}</Heading>
        {saved && <Badge>{SCOPE_WORDS[saved.scope]}</Badge>}
        {saved && <Badge variant="outline">version {saved.version}</Badge>}
      </Flex>
      {saved?.scope === "global" && <Text fontSize="sm" color="fg.muted">Built-in templates are read-only: duplicate one to change it.</Text>}
      <Flex gap="3" wrap="wrap">
        <Field.Root required flex="1 1 16rem" disabled={!editable}>
          <Field.Label>Name</Field.Label>
          <Input value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
        </Field.Root>
        <Field.Root flex="0 0 10rem" disabled={!editable}>
          <Field.Label>Makes</Field.Label>
          <NativeSelect.Root>
            <NativeSelect.Field value={kind} onChange={(e) => setKind(e.target.value as Template["kind"])}>
              <option value="text">text</option><option value="image">image</option><option value="video">video</option>
            </NativeSelect.Field>
            <NativeSelect.Indicator />
          </NativeSelect.Root>
        </Field.Root>
      </Flex>
      <Field.Root required disabled={!editable}>
        <Field.Label>Prompt</Field.Label>
        <Textarea value={body} rows={5} maxLength={4000} fontFamily="mono" onChange={(e) => setBody(e.target.value)}
          placeholder="Write a tagline for {{product}} in a {{tone}} tone." />
        <Field.HelperText>Placeholders are {"{{name}}"}; each must be a variable below.</Field.HelperText>
      </Field.Root>
      {editable && missing.length > 0 && (
        <Flex gap="2" align="center" wrap="wrap">
          <Text fontSize="sm">Not declared yet: {missing.join(", ")}</Text>
          <Button size="xs" variant="outline" onClick={() => { setRows((now) => [...now, ...missing.map((m) => emptyRow(m))]);
            setSamples((now) => ({ ...now, ...Object.fromEntries(missing.map((m) => [m, ""])) })); }}>
            Add {missing.length === 1 ? "it" : "them"} as variables
          </Button>
        </Flex>
      )}
      <VariablesTable rows={rows} editable={editable} setRow={setRow}
        onAdd={() => setRows((now) => [...now, emptyRow(`variable${now.length + 1}`)])}
        onRemove={(i) => setRows((now) => now.filter((_, j) => j !== i))} />
      <LivePreview body={body} rows={rows} samples={samples} setSamples={setSamples} />
      {save.isError && <Problems error={save.error} title={save.error instanceof ApiError && save.error.status === 409
        ? "Someone saved this template since you opened it: open it again to see their change, then redo yours." : undefined} />}
      <Flex gap="2" wrap="wrap">
        {editable && <Button colorPalette="blue" loading={save.isPending} disabled={!name.trim() || !body.trim()} onClick={() => save.mutate()}>Save</Button>}
        {saved && <Button variant="outline" onClick={() => duplicate.mutate("personal")}>Duplicate to my library</Button>}
        {saved && canWrite && <Button variant="outline" onClick={() => duplicate.mutate("project")}>Duplicate to this project</Button>}
        {saved && <Button variant="outline" onClick={() => exportOne.mutate()}>Export</Button>}
        {saved && saved.scope !== "global" && editable && (
          <Button variant="outline" colorPalette="red" loading={remove.isPending}
            onClick={() => { if (window.confirm(`Delete "${saved.name}"? Batches already using it keep running.`)) remove.mutate(); }}>
            Delete
          </Button>
        )}
        {saved && <Button variant="ghost" onClick={() => void navigate(`/projects/${encodeURIComponent(project.id)}/batches?template=${encodeURIComponent(saved.id)}`)}>
          Use in a batch
        </Button>}
      </Flex>
      {(remove.isError || duplicate.isError) && <Text color="fg.error">{messageOf(remove.error ?? duplicate.error)}</Text>}
      {saved && canWrite && <TryIt project={project} template={saved} rows={rows} samples={samples} />}
      {saved && where && saved.scope !== "global" && <Versions where={where} editable={editable} onRestored={onSaved} />}
    </Stack>
  );
}

function VariablesTable({ rows, editable, setRow, onAdd, onRemove }: {
  rows: VariableRow[]; editable: boolean; setRow: (i: number, c: Partial<VariableRow>) => void; onAdd: () => void; onRemove: (i: number) => void;
}) {
  return (
    <Box>
      <Heading as="h3" size="sm" mb="2">Variables</Heading>
      <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      {rows.length === 0 ? <Text fontSize="sm" color="fg.muted">No variables.</Text> : (
        <Table.ScrollArea>
          <Table.Root size="sm" aria-label="Variables">
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeader>Name</Table.ColumnHeader><Table.ColumnHeader>Label</Table.ColumnHeader>
                <Table.ColumnHeader>Type</Table.ColumnHeader><Table.ColumnHeader>Required</Table.ColumnHeader>
                <Table.ColumnHeader>Default</Table.ColumnHeader><Table.ColumnHeader>Limits</Table.ColumnHeader><Table.ColumnHeader />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((row, i) => (
                <Table.Row key={i} data-variable={row.name}>
                  <Table.Cell><Input size="sm" aria-label={`Name of variable ${i + 1}`} value={row.name} onChange={(e) => setRow(i, { name: e.target.value })} /></Table.Cell>
                  <Table.Cell><Input size="sm" aria-label={`Label of ${row.name}`} value={row.label} onChange={(e) => setRow(i, { label: e.target.value })} /></Table.Cell>
                  <Table.Cell>
                    <NativeSelect.Root size="sm">
                      <NativeSelect.Field aria-label={`Type of ${row.name}`} value={row.type} onChange={(e) => setRow(i, { type: e.target.value as VariableRow["type"] })}>
                        {VARIABLE_TYPES.map(([value, words]) => <option key={value} value={value}>{words}</option>)}
                      </NativeSelect.Field>
                      <NativeSelect.Indicator />
                    </NativeSelect.Root>
                  </Table.Cell>
                  <Table.Cell>
                    <Checkbox.Root checked={row.required} onCheckedChange={(c) => setRow(i, { required: Boolean(c.checked) })}>
                      <Checkbox.HiddenInput aria-label={`${row.name} is required`} /><Checkbox.Control />
                    </Checkbox.Root>
                  </Table.Cell>
                  <Table.Cell><Input size="sm" aria-label={`Default of ${row.name}`} value={row.initial} onChange={(e) => setRow(i, { initial: e.target.value })} /></Table.Cell>
                  <Table.Cell>
                    {(row.type === "text" || row.type === "longText") && (
                      <Input size="sm" inputMode="numeric" placeholder="max length" aria-label={`Max length of ${row.name}`} value={row.maxLength}
                        onChange={(e) => setRow(i, { maxLength: e.target.value })} />
                    )}
                    {row.type === "number" && (
                      <Flex gap="1">
                        <Input size="sm" inputMode="decimal" placeholder="min" aria-label={`Min of ${row.name}`} value={row.min} onChange={(e) => setRow(i, { min: e.target.value })} />
                        <Input size="sm" inputMode="decimal" placeholder="max" aria-label={`Max of ${row.name}`} value={row.max} onChange={(e) => setRow(i, { max: e.target.value })} />
                      </Flex>
                    )}
                    {row.type === "choice" && (
                      <Textarea size="sm" rows={2} placeholder="one option per line" aria-label={`Options of ${row.name}`} value={row.options}
                        onChange={(e) => setRow(i, { options: e.target.value })} />
                    )}
                  </Table.Cell>
                  <Table.Cell><Button size="xs" variant="ghost" aria-label={`Remove ${row.name}`} onClick={() => onRemove(i)}>Remove</Button></Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table.Root>
        </Table.ScrollArea>
      )}
      {editable && <Button size="xs" variant="outline" mt="2" onClick={onAdd}>Add variable</Button>}
      </fieldset>
    </Box>
  );
}

/** Sample values and the prompt the server renders from them, asked again a moment after each change. */
function LivePreview({ body, rows, samples, setSamples }: {
  body: string; rows: VariableRow[]; samples: Record<string, string>; setSamples: (f: (s: Record<string, string>) => Record<string, string>) => void;
}) {
  const api = useApi();
  const request = useMemo(() => JSON.stringify({ body, variables: toDraft("x", "text", body, rows).variables, values: filled(samples, rows) }),
    [body, rows, samples]);
  const [asked, setAsked] = useState(request);
  useEffect(() => {
    const timer = window.setTimeout(() => setAsked(request), 300);
    return () => window.clearTimeout(timer);
  }, [request]);
  const preview = useQuery({
    queryKey: ["template-preview", asked],
    queryFn: () => { const r = JSON.parse(asked); return previewDraft(api, { body: r.body, variables: r.variables }, r.values); },
    enabled: body.trim() !== "",
    retry: false,
  });
  return (
    <Box as="section" aria-label="Preview" borderWidth="1px" rounded="md" p="3">
      <Heading as="h3" size="sm" mb="2">Preview with sample values</Heading>
      <Flex gap="2" wrap="wrap" mb="2">
        {rows.filter((r) => r.name.trim()).map((r) => (
          <Field.Root key={r.name} flex="1 1 12rem">
            <Field.Label fontSize="xs">Sample {r.label || r.name}</Field.Label>
            <Input size="sm" aria-label={`Sample ${r.name}`} value={samples[r.name] ?? ""}
              onChange={(e) => setSamples((now) => ({ ...now, [r.name]: e.target.value }))} />
          </Field.Root>
        ))}
      </Flex>
      {body.trim() === "" ? <Text fontSize="sm" color="fg.muted">Write a prompt to see it here.</Text>
        : preview.isError ? <Problems error={preview.error} />
        : <Text data-testid="template-preview" fontSize="sm" bg="bg.muted" rounded="md" p="2" whiteSpace="pre-wrap">{preview.data ?? "…"}</Text>}
    </Box>
  );
}

type Output = { row: number; status: string; text: string; reason?: string };

/** "Try it": the saved template on up to three rows, one real job, its outputs shown here. */
function TryIt({ project, template, rows, samples }: { project: ProjectWithUsage; template: Template; rows: VariableRow[]; samples: Record<string, string> }) {
  const api = useApi();
  const [tryRows, setTryRows] = useState<Record<string, string>[]>(() => [filled(samples, rows)]);
  const [outputs, setOutputs] = useState<Output[] | null>(null);
  const names = rows.map((r) => r.name).filter(Boolean);
  const run = useMutation({
    mutationFn: async () => {
      setOutputs(null);
      let job = await tryTemplate(api, project.id, template.id, tryRows.map((r) => filled(r, rows)), newKey());
      while (job.status === "queued" || job.status === "running") {
        await new Promise((resolve) => window.setTimeout(resolve, 500));
        job = await getJob(api, project.id, job.id);
      }
      return Promise.all(job.items.map(async (item, i) => ({
        row: i + 1, status: item.status, reason: item.failureReason,
        text: item.contentId ? await contentText(api, project.id, item.contentId) : "",
      })));
    },
    onSuccess: setOutputs,
  });
  return (
    <Box as="section" aria-label="Try it" borderWidth="1px" rounded="md" p="3">
      <Heading as="h3" size="sm" mb="1">Try it</Heading>
      <Text fontSize="sm" color="fg.muted" mb="2">Runs the saved version on up to three rows, as a small job counted in this month's usage.</Text>
      <Stack gap="2">
        {tryRows.map((row, i) => (
          <Flex key={i} gap="2" wrap="wrap" align="end" data-try-row={i + 1}>
            <Text fontSize="sm" minW="3rem">Row {i + 1}</Text>
            {names.map((n) => (
              <Input key={n} size="sm" flex="1 1 10rem" aria-label={`Row ${i + 1} ${n}`} placeholder={n} value={row[n] ?? ""}
                onChange={(e) => setTryRows((now) => now.map((r, j) => (j === i ? { ...r, [n]: e.target.value } : r)))} />
            ))}
            {tryRows.length > 1 && <Button size="xs" variant="ghost" onClick={() => setTryRows((now) => now.filter((_, j) => j !== i))}>Remove</Button>}
          </Flex>
        ))}
      </Stack>
      <Flex gap="2" mt="2">
        <Button size="sm" variant="outline" disabled={tryRows.length >= 3} onClick={() => setTryRows((now) => [...now, filled(samples, rows)])}>Add row</Button>
        <Button size="sm" colorPalette="blue" loading={run.isPending} onClick={() => run.mutate()}>Try it</Button>
      </Flex>
      {run.isError && <Box mt="2"><Problems error={run.error} /></Box>}
      {outputs && (
        <Stack gap="2" mt="3" aria-label="Outputs">
          {outputs.map((o) => (
            <Box key={o.row} borderWidth="1px" rounded="md" p="2" data-testid="try-output">
              <Text fontSize="xs" color="fg.muted">Row {o.row} · {o.status}</Text>
              <Text fontSize="sm" whiteSpace="pre-wrap">{o.text || o.reason || "(no text)"}</Text>
            </Box>
          ))}
        </Stack>
      )}
    </Box>
  );
}

/** Every saved version, a diff of two, and Restore. */
function Versions({ where, editable, onRestored }: { where: { projectId: string; template: Template }; editable: boolean; onRestored: (t: Template) => void }) {
  const api = useApi();
  const versions = useQuery({ queryKey: queryKeys.templateVersions(where.projectId, where.template.id), queryFn: () => listVersions(api, where) });
  const current = where.template.version;
  const [from, setFrom] = useState(Math.max(1, current - 1));
  const [to, setTo] = useState(current);
  const diff = useQuery({
    queryKey: [...queryKeys.templateVersions(where.projectId, where.template.id), "diff", from, to],
    queryFn: () => diffVersions(api, where, from, to),
    enabled: current > 1,
  });
  const restore = useMutation({ mutationFn: (n: number) => restoreVersion(api, where, n, current), onSuccess: onRestored });
  return (
    <Box as="section" aria-label="Versions" borderWidth="1px" rounded="md" p="3">
      <Heading as="h3" size="sm" mb="2">Versions</Heading>
      {versions.isError && <Text color="fg.error">{messageOf(versions.error)}</Text>}
      <Stack gap="1">
        {(versions.data ?? []).map((v) => (
          <Flex key={v.number} gap="2" align="center" fontSize="sm" data-version={v.number}>
            <Text minW="6rem">Version {v.number}{v.number === current ? " (current)" : ""}</Text>
            <Text color="fg.muted" flex="1">{new Date(v.savedAt).toLocaleString()}{v.restoredFrom ? ` · restored from ${v.restoredFrom}` : ""}</Text>
            <Button size="xs" variant="ghost" onClick={() => setFrom(v.number)}>Compare from</Button>
            <Button size="xs" variant="ghost" onClick={() => setTo(v.number)}>to</Button>
            {editable && v.number !== current && <Button size="xs" variant="outline" loading={restore.isPending} onClick={() => restore.mutate(v.number)}>Restore</Button>}
          </Flex>
        ))}
      </Stack>
      {restore.isError && <Problems error={restore.error} />}
      {current > 1 && diff.data && <DiffView diff={diff.data} />}
    </Box>
  );
}

function DiffView({ diff }: { diff: TemplateDiff }) {
  const colour = { equal: undefined, removed: "red.subtle", added: "green.subtle" } as const;
  const mark = { equal: " ", removed: "−", added: "+" } as const;
  return (
    <Box mt="3" data-testid="template-diff">
      <Text fontSize="sm" fontWeight="medium">Changes from version {diff.from} to {diff.to}</Text>
      {diff.name && <Text fontSize="sm">Name: {diff.name.before} → {diff.name.after}</Text>}
      {diff.kind && <Text fontSize="sm">Makes: {diff.kind.before} → {diff.kind.after}</Text>}
      <Box as="pre" fontSize="xs" fontFamily="mono" borderWidth="1px" rounded="md" mt="1" overflowX="auto">
        {diff.lines.map((l, i) => (
          <Box key={i} bg={colour[l.op]} px="2" data-op={l.op}>{mark[l.op]} {l.text}</Box>
        ))}
      </Box>
      {diff.variables.length > 0 && (
        <Stack gap="0" mt="1">
          {diff.variables.map((v) => <Text key={v.name} fontSize="sm">Variable {v.name}: {v.change}</Text>)}
        </Stack>
      )}
    </Box>
  );
}
