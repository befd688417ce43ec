import { Alert, Badge, Box, Button, Field, Flex, Heading, Input, Link, Skeleton, Stack, Text, Textarea } from "@chakra-ui/react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link as RouterLink, useNavigate, useParams } from "react-router";
import { Dialog } from "../components/Dialog";
import { FormattedText } from "../components/FormattedText";
import { JobView } from "../components/JobView";
import { AuthImage } from "../components/Media";
import { MediaViewer, titleOf, VideoPlayer } from "../components/MediaViewer";
import { PageTitle } from "../components/PageTitle";
import { DiffText, VersionCompare } from "../components/VersionCompare";
import type { Job } from "../lib/api";
import {
  canEdit,
  CONFLICT_MESSAGE,
  defaultComparison,
  describeVersion,
  formatBytes,
  isConflict,
} from "../lib/content-view";
import {
  deleteContent,
  getContentTagged,
  listVersions,
  startGeneration,
  updateContent,
  type ContentChange,
  type ContentDetail,
  type Tagged,
  type VersionDetail,
} from "../lib/contents-api";
import { blobToDataUrl, saveFile } from "../lib/download";
import { exportFileName, extensionFor, toHtmlDocument, toMarkdown, type ExportSource } from "../lib/export";
import { formatDuration } from "../lib/gallery";
import { ApiError, messageOf } from "../lib/problem";
import { useApi } from "../session";
import { useIdempotentMutation } from "../components/useIdempotentMutation";
import { queryKeys } from "../lib/query-keys";

const MAX_TEXT = 100_000;

/** The reader of one content item: its latest version, edits, versions, compare, restore, regenerate, export, delete. */
export default function ContentPage() {
  const { projectId = "", contentId = "" } = useParams();
  const api = useApi();
  const project = useQuery({ queryKey: queryKeys.project(projectId), queryFn: () => api.getProject(projectId) });
  const content = useQuery({
    queryKey: queryKeys.contentItem(projectId, contentId),
    queryFn: () => getContentTagged(api, projectId, contentId),
  });

  if (content.isPending) {
    return (
      <Stack gap="4" aria-busy="true">
        <Skeleton h="10" w="60%" />
        <Skeleton h="60" />
      </Stack>
    );
  }
  if (content.isError) {
    const missing = content.error instanceof ApiError && [403, 404].includes(content.error.status);
    return (
      <Stack gap="4" align="start">
        <PageTitle>{missing ? "Content not found" : "Couldn't open this content"}</PageTitle>
        <Text color="fg.muted">{messageOf(content.error)}</Text>
        <Flex gap="2" wrap="wrap">
          {!missing && <Button onClick={() => content.refetch()}>Try again</Button>}
          <Button asChild variant="outline">
            <RouterLink to={`/projects/${encodeURIComponent(projectId)}`}>Back to the project</RouterLink>
          </Button>
        </Flex>
      </Stack>
    );
  }
  return (
    <Reader
      projectId={projectId}
      tagged={content.data}
      projectName={project.data?.name}
      editable={canEdit(project.data?.role)}
      refresh={() => content.refetch()}
    />
  );
}

function Reader({
  projectId,
  tagged,
  projectName,
  editable,
  refresh,
}: {
  projectId: string;
  tagged: Tagged<ContentDetail>;
  projectName?: string;
  editable: boolean;
  refresh: () => Promise<unknown>;
}) {
  const api = useApi();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const item = tagged.value;
  const current = item.current;
  const title = titleOf(item);
  const [mode, setMode] = useState<"read" | "edit" | "rename">("read");
  const [notice, setNotice] = useState("");
  const [noticeCount, setNoticeCount] = useState(0);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (noticeCount > 0) noticeRef.current?.focus();
  }, [noticeCount]);
  const [viewerOpen, setViewerOpen] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [regenerateOpen, setRegenerateOpen] = useState(false);
  const [job, setJob] = useState<Job | null>(null);
  const projectPath = `/projects/${encodeURIComponent(projectId)}`;
  const versionCount = item.latestVersion ?? item.currentVersion;

  const detailKey = queryKeys.contentItem(projectId, item.id);
  const applied = (next: Tagged<ContentDetail>, message: string) => {
    queryClient.setQueryData(detailKey, next);
    void queryClient.invalidateQueries({ queryKey: queryKeys.contents(projectId) });
    setNotice(message);
    setNoticeCount((count) => count + 1);
  };

  const change = useMutation({
    mutationFn: (body: ContentChange) => updateContent(api, projectId, item.id, tagged.etag, body),
  });
  const reload = () => {
    change.reset();
    void refresh();
  };
  const closeForm = () => {
    change.reset();
    setMode("read");
  };

  const remove = useMutation({
    mutationFn: () => deleteContent(api, projectId, item.id, tagged.etag),
    onSuccess: () => {
      navigate(projectPath, { replace: true });
      // Refresh the lists it was in, but don't read the deleted item or its versions again.
      void queryClient.invalidateQueries({
        queryKey: queryKeys.contents(projectId),
        predicate: (query) => !query.queryKey.includes(item.id),
      });
      // Forget it once this screen has gone (removing it while shown would only read it again).
      setTimeout(() => queryClient.removeQueries({ predicate: (query) => query.queryKey.includes(item.id) }), 0);
    },
  });

  return (
    <Stack gap="6">
      <Box>
        <Link asChild fontSize="sm" color="fg.muted" mb="1">
          <RouterLink to={projectPath}>← {projectName ?? "Project"}</RouterLink>
        </Link>
        <Flex gap="3" align="center" wrap="wrap">
          <PageTitle tabTitle={title} minW="0" css={{ overflowWrap: "anywhere" }}>
            {title}
          </PageTitle>
          <Badge>{item.kind}</Badge>
          <Badge variant="outline">
            version {item.currentVersion}
            {item.latestVersion && item.latestVersion !== item.currentVersion ? ` of ${item.latestVersion}` : ""}
          </Badge>
          {item.demo && (
            <Badge variant="subtle" colorPalette="purple">
              demo
            </Badge>
          )}
        </Flex>
        {current && (
          <Text fontSize="sm" color="fg.muted" mt="1">
            {describeVersion(current as VersionDetail)}
            {current.width && current.height ? ` · ${current.width} × ${current.height} px` : ""}
            {(current as VersionDetail).durationSeconds ? ` · ${formatDuration((current as VersionDetail).durationSeconds)}` : ""}
            {(current as VersionDetail).byteSize ? ` · ${formatBytes((current as VersionDetail).byteSize)}` : ""}
          </Text>
        )}
      </Box>

      <Flex as="nav" aria-label="Actions on this content" gap="2" wrap="wrap">
        {editable && item.kind === "text" && mode !== "edit" && (
          <Button size="sm" colorPalette="blue" onClick={() => setMode("edit")}>
            Edit text
          </Button>
        )}
        {editable && mode === "read" && (
          <Button size="sm" variant="outline" onClick={() => setMode("rename")}>
            Rename
          </Button>
        )}
        {editable && (
          <Button size="sm" variant="outline" onClick={() => setRegenerateOpen(true)} disabled={job !== null}>
            Regenerate
          </Button>
        )}
        <ExportButtons item={item} />
        {editable && (
          <Button size="sm" variant="outline" colorPalette="red" onClick={() => setConfirmDelete(true)}>
            Delete
          </Button>
        )}
      </Flex>

      <Box aria-live="polite">
        {notice && (
          // The form that was just saved is gone: the focus moves to what happened.
          <Alert.Root status="success" size="sm" tabIndex={-1} ref={noticeRef} outline="none">
            <Alert.Indicator />
            <Alert.Title>{notice}</Alert.Title>
          </Alert.Root>
        )}
      </Box>

      {job && (
        <Box as="section" aria-label="Regeneration">
          <JobView
            key={job.id}
            projectId={projectId}
            initial={job}
            onDismiss={() => {
              setJob(null);
              void refresh();
            }}
            onRetried={setJob}
          />
        </Box>
      )}

      {mode === "rename" && (
        <RenameForm
          title={item.title ?? ""}
          pending={change.isPending}
          error={change.error}
          onCancel={closeForm}
          onSave={(next) =>
            change.mutate(
              { title: next },
              {
                onSuccess: (result) => {
                  applied(result, "Renamed.");
                  setMode("read");
                },
              },
            )
          }
          onReload={reload}
        />
      )}

      {mode === "edit" && item.kind === "text" ? (
        <TextEditor
          key={item.id}
          latest={current?.text ?? ""}
          latestVersion={item.currentVersion}
          pending={change.isPending}
          error={change.error}
          onCancel={closeForm}
          onReload={reload}
          onSave={(text) =>
            change.mutate(
              { text },
              {
                onSuccess: (result) => {
                  applied(result, `Saved as version ${result.value.currentVersion}.`);
                  setMode("read");
                },
              },
            )
          }
        />
      ) : (
        <Box as="section" aria-label="Content" bg="bg" borderWidth="1px" rounded="lg" p={{ base: "4", md: "6" }}>
          {item.kind === "text" ? (
            <FormattedText text={current?.text ?? ""} />
          ) : !current?.mediaUrl ? (
            <Text color="fg.muted">This version has no media yet.</Text>
          ) : item.kind === "image" ? (
            <Box>
              <Box
                as="button"
                display="block"
                w="full"
                maxW={current.width ? `min(100%, ${current.width}px)` : "full"}
                mx="auto"
                aspectRatio={current.width && current.height ? `${current.width} / ${current.height}` : "1"}
                maxH="70dvh"
                rounded="md"
                overflow="hidden"
                cursor="zoom-in"
                onClick={() => setViewerOpen(true)}
                aria-label={`View “${title}” full size`}
              >
                <AuthImage
                  url={current.renditions?.["thumb-1024"] ?? current.mediaUrl}
                  alt=""
                  width={current.width ?? 1024}
                  height={current.height ?? 1024}
                  blurHash={(current as VersionDetail).blurHash}
                  color={current.dominantColor}
                  lazy={false}
                  fit="contain"
                />
              </Box>
            </Box>
          ) : (
            <Box aspectRatio={current.width && current.height ? `${current.width} / ${current.height}` : "16 / 9"} maxH="70dvh" mx="auto">
              <VideoPlayer item={item} />
            </Box>
          )}
        </Box>
      )}

      <Versions
        projectId={projectId}
        item={item}
        editable={editable}
        restoring={change.isPending}
        restoreError={mode === "read" ? change.error : null}
        onRestore={(number) =>
          change.mutate(
            { restoreVersion: number },
            { onSuccess: (result) => applied(result, `Version ${number} restored as version ${result.value.currentVersion}.`) },
          )
        }
        onReload={reload}
      />

      <MediaViewer items={[item]} index={viewerOpen ? 0 : null} onIndex={() => undefined} onClose={() => setViewerOpen(false)} />

      <Dialog open={confirmDelete} title="Delete this content?" onClose={() => !remove.isPending && setConfirmDelete(false)}>
        <Text mb="4">
          “{title}” and {versionCount === 1 ? "its only version" : `all ${versionCount} of its versions`} will be deleted for everyone in the
          project. This can't be undone.
        </Text>
        {remove.isError && (
          <Alert.Root status="error" size="sm" mb="3" role="alert">
            <Alert.Indicator />
            <Alert.Title>
              {isConflict(remove.error) ? "It changed since you opened it. Close this, look at the latest version, and delete again if you still want to." : messageOf(remove.error)}
            </Alert.Title>
          </Alert.Root>
        )}
        <Flex gap="2" justify="end" wrap="wrap">
          <Button variant="outline" onClick={() => setConfirmDelete(false)} disabled={remove.isPending} autoFocus>
            Keep it
          </Button>
          <Button colorPalette="red" onClick={() => remove.mutate()} loading={remove.isPending} loadingText="Deleting…">
            Delete
          </Button>
        </Flex>
      </Dialog>

      <RegenerateDialog
        open={regenerateOpen}
        projectId={projectId}
        item={item}
        onClose={() => setRegenerateOpen(false)}
        onStarted={(started) => {
          setRegenerateOpen(false);
          setNotice("");
          setJob(started);
        }}
      />
    </Stack>
  );
}

function ProblemAlert({ error, onReload }: { error: unknown; onReload: () => void }) {
  if (!error) return null;
  const conflict = isConflict(error);
  return (
    <Alert.Root status={conflict ? "warning" : "error"} size="sm" role="alert">
      <Alert.Indicator />
      <Alert.Content>
        <Alert.Title>{conflict ? CONFLICT_MESSAGE : messageOf(error)}</Alert.Title>
        {conflict && (
          <Box mt="2">
            <Button size="xs" variant="outline" onClick={onReload}>
              Load the latest version
            </Button>
          </Box>
        )}
      </Alert.Content>
    </Alert.Root>
  );
}

function RenameForm({
  title,
  pending,
  error,
  onSave,
  onCancel,
  onReload,
}: {
  title: string;
  pending: boolean;
  error: unknown;
  onSave: (title: string) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const [value, setValue] = useState(title);
  const [problem, setProblem] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = value.trim();
    if (!next) {
      setProblem("Give it a title.");
      return;
    }
    setProblem("");
    onSave(next);
  };
  return (
    <Box bg="bg" borderWidth="1px" rounded="lg" p="4">
      <form onSubmit={submit} noValidate>
      <Stack gap="3">
        <Field.Root invalid={Boolean(problem)}>
          <Field.Label>Title</Field.Label>
          <Input value={value} maxLength={200} autoFocus onChange={(event) => setValue(event.target.value)} />
          {problem && <Field.ErrorText>{problem}</Field.ErrorText>}
        </Field.Root>
        <ProblemAlert error={error} onReload={onReload} />
        <Flex gap="2">
          <Button type="submit" size="sm" colorPalette="blue" loading={pending} loadingText="Saving…">
            Save title
          </Button>
          <Button size="sm" variant="outline" onClick={onCancel}>
            Cancel
          </Button>
        </Flex>
      </Stack>
      </form>
    </Box>
  );
}

/**
 * Edits the text; saving makes a new version. When someone else saved first, the draft is kept,
 * and after loading their version the editor shows what the draft changes in it.
 */
function TextEditor({
  latest,
  latestVersion,
  pending,
  error,
  onSave,
  onCancel,
  onReload,
}: {
  latest: string;
  latestVersion: number;
  pending: boolean;
  error: unknown;
  onSave: (text: string) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const [draft, setDraft] = useState(latest);
  const startedOn = useRef(latestVersion);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const rebased = latestVersion !== startedOn.current;
  const unchanged = draft === latest;
  return (
    <Box
      as="form"
      bg="bg"
      borderWidth="1px"
      rounded="lg"
      p={{ base: "3", md: "5" }}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        startedOn.current = latestVersion;
        onSave(draft);
      }}
    >
      <Stack gap="3">
        <Field.Root>
          <Field.Label>Text</Field.Label>
          <Textarea
            ref={ref}
            value={draft}
            maxLength={MAX_TEXT}
            rows={16}
            fontFamily="mono"
            fontSize="sm"
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) event.currentTarget.form?.requestSubmit();
              if (event.key === "Escape") onCancel();
            }}
          />
          <Field.HelperText>
            Headings (#), lists (-, 1.), **bold** and *italic* are shown formatted. Ctrl+Enter or ⌘+Enter saves; Escape cancels.
          </Field.HelperText>
        </Field.Root>
        <ProblemAlert error={error} onReload={onReload} />
        {rebased && (
          <Box>
            <Heading as="h2" size="sm" mb="2">
              What your draft changes in version {latestVersion}
            </Heading>
            <DiffText before={latest} after={draft} label={`Your draft compared with version ${latestVersion}`} />
          </Box>
        )}
        <Flex gap="2" wrap="wrap">
          <Button type="submit" size="sm" colorPalette="blue" loading={pending} loadingText="Saving…" disabled={unchanged}>
            Save as a new version
          </Button>
          <Button size="sm" variant="outline" onClick={onCancel}>
            Cancel
          </Button>
        </Flex>
      </Stack>
    </Box>
  );
}

function Versions({
  projectId,
  item,
  editable,
  restoring,
  restoreError,
  onRestore,
  onReload,
}: {
  projectId: string;
  item: ContentDetail;
  editable: boolean;
  restoring: boolean;
  restoreError: unknown;
  onRestore: (number: number) => void;
  onReload: () => void;
}) {
  const api = useApi();
  const versions = useQuery({
    queryKey: queryKeys.contentVersions(projectId, item.id),
    queryFn: () => listVersions(api, projectId, item.id),
  });
  const [pair, setPair] = useState<[number, number] | null>(null);
  const all = versions.data ?? [];
  const newestFirst = [...all].sort((a, b) => b.number - a.number);
  const comparing = pair ?? null;
  return (
    <Box as="section" aria-labelledby="versions-title">
      <Heading as="h2" id="versions-title" size="lg" mb="3">
        Versions
      </Heading>
      {versions.isPending && <Skeleton h="20" />}
      {versions.isError && (
        <Alert.Root status="error" size="sm" role="alert">
          <Alert.Indicator />
          <Alert.Title>Couldn't load the versions. {messageOf(versions.error)}</Alert.Title>
        </Alert.Root>
      )}
      <Box aria-live="polite" mb="3">
        <ProblemAlert error={restoreError} onReload={onReload} />
      </Box>
      {item.kind === "text" && all.length >= 2 && !comparing && (
        <Button size="sm" variant="outline" mb="3" onClick={() => setPair(defaultComparison(all, item.currentVersion))}>
          Compare versions
        </Button>
      )}
      {item.kind === "text" && comparing && (
        <Box mb="4" bg="bg" borderWidth="1px" rounded="lg" p="4">
          <VersionCompare versions={all} left={comparing[0]} right={comparing[1]} onChange={(left, right) => setPair([left, right])} />
          <Button size="sm" variant="ghost" mt="2" onClick={() => setPair(null)}>
            Close the comparison
          </Button>
        </Box>
      )}
      {versions.isSuccess && (
        <Stack as="ol" listStyleType="none" gap="2">
          {newestFirst.map((version) => {
            const isCurrent = version.number === item.currentVersion;
            return (
              <Flex as="li" key={version.number} gap="3" align="center" wrap="wrap" bg="bg" borderWidth="1px" rounded="md" p="3">
                {item.kind !== "text" && version.renditions?.["thumb-256"] && (
                  <Box w="14" h="14" flexShrink={0} rounded="sm" overflow="hidden">
                    <AuthImage
                      url={version.renditions["thumb-256"]}
                      alt=""
                      width={56}
                      height={56}
                      blurHash={version.blurHash}
                      color={version.dominantColor}
                    />
                  </Box>
                )}
                <Box flex="1" minW="40">
                  <Text fontWeight="medium">
                    Version {version.number}
                    {isCurrent && (
                      <Badge ms="2" colorPalette="green" size="sm">
                        current
                      </Badge>
                    )}
                  </Text>
                  <Text fontSize="sm" color="fg.muted">
                    {describeVersion(version)}
                  </Text>
                  {item.kind === "text" && version.text && (
                    <Text fontSize="sm" color="fg.muted" lineClamp={2}>
                      {version.text}
                    </Text>
                  )}
                </Box>
                <Flex gap="2">
                  {item.kind === "text" && !isCurrent && (
                    <Button size="xs" variant="outline" onClick={() => setPair([version.number, item.currentVersion])}>
                      Compare with current
                    </Button>
                  )}
                  {editable && !isCurrent && (
                    <Button
                      size="xs"
                      variant="outline"
                      onClick={() => onRestore(version.number)}
                      disabled={restoring}
                      aria-label={`Restore version ${version.number}`}
                    >
                      Restore
                    </Button>
                  )}
                </Flex>
              </Flex>
            );
          })}
        </Stack>
      )}
    </Box>
  );
}

/** Markdown, a self-contained HTML page, or the media file itself. */
function ExportButtons({ item }: { item: ContentDetail }) {
  const api = useApi();
  const current = item.current as VersionDetail | undefined;
  const title = titleOf(item);
  const mediaName = exportFileName(title, extensionFor(current?.contentType));
  const source: ExportSource = {
    title,
    kind: item.kind,
    text: current?.text,
    mediaFileName: mediaName,
    width: current?.width,
    height: current?.height,
    createdAt: current?.createdAt,
    version: item.currentVersion,
  };
  const html = useMutation({
    mutationFn: async () => {
      let dataUrl: string | undefined;
      if (item.kind === "image" && current?.mediaUrl) dataUrl = await blobToDataUrl(await api.media(current.mediaUrl));
      saveFile(toHtmlDocument(source, dataUrl), exportFileName(title, "html"), "text/html;charset=utf-8");
    },
  });
  const media = useMutation({
    mutationFn: async () => {
      const blob = await api.media(current!.mediaUrl!);
      saveFile(blob, exportFileName(title, extensionFor(blob.type || current?.contentType)));
    },
  });
  const failed = html.error ?? media.error;
  return (
    <>
      <Button size="sm" variant="outline" onClick={() => saveFile(toMarkdown(source), exportFileName(title, "md"), "text/markdown;charset=utf-8")}>
        Export Markdown
      </Button>
      <Button size="sm" variant="outline" onClick={() => html.mutate()} loading={html.isPending} loadingText="Preparing…">
        Export HTML
      </Button>
      {item.kind !== "text" && current?.mediaUrl && (
        <Button size="sm" variant="outline" onClick={() => media.mutate()} loading={media.isPending} loadingText="Downloading…">
          Download {item.kind === "video" ? "video" : "image"}
        </Button>
      )}
      {failed && (
        <Text role="alert" fontSize="sm" color="fg.error" w="full">
          Couldn't export. {messageOf(failed)}
        </Text>
      )}
    </>
  );
}

/** Asks for a new version made from a prompt: the one the item was made with, or a new one. */
function RegenerateDialog({
  open,
  projectId,
  item,
  onClose,
  onStarted,
}: {
  open: boolean;
  projectId: string;
  item: ContentDetail;
  onClose: () => void;
  onStarted: (job: Job) => void;
}) {
  const api = useApi();
  const origin = useQuery({
    queryKey: queryKeys.job(projectId, item.jobId),
    queryFn: () => api.getGeneration(projectId, item.jobId!),
    enabled: open && Boolean(item.jobId),
    staleTime: Infinity,
    retry: false,
  });
  const [prompt, setPrompt] = useState<string | null>(null);
  const [problem, setProblem] = useState("");
  const shown = prompt ?? origin.data?.prompt ?? "";
  const start = useIdempotentMutation({
    mutationFn: (text: string, key) => {
      const options = (origin.data as { options?: Record<string, string> } | undefined)?.options;
      return startGeneration(
        api,
        projectId,
        { kind: item.kind, prompt: text, count: 1, contentId: item.id, fresh: true, ...(options && Object.keys(options).length ? { options } : {}) },
        key(),
      );
    },
    onSuccess: (job) => {
      setPrompt(null);
      onStarted(job);
    },
  });
  return (
    <Dialog open={open} title="Regenerate" onClose={() => !start.isPending && onClose()}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const text = shown.trim();
          if (!text) {
            setProblem("Describe what the new version should be.");
            return;
          }
          setProblem("");
          start.mutate(text);
        }}
      >
        <Stack gap="3">
          <Text fontSize="sm" color="fg.muted">
            A new version is made and becomes the current one; the earlier versions stay and can be restored.
          </Text>
          <Field.Root required invalid={Boolean(problem)}>
            <Field.Label>Prompt</Field.Label>
            <Textarea
              rows={5}
              maxLength={4000}
              value={shown}
              autoFocus
              placeholder={origin.isPending && item.jobId ? "Loading the original prompt…" : "What should the new version be?"}
              onChange={(event) => {
                setPrompt(event.target.value);
                start.newIntent();
              }}
            />
            {problem ? (
              <Field.ErrorText>{problem}</Field.ErrorText>
            ) : (
              <Field.HelperText>{item.jobId ? "The prompt this item was made with; change it if you like." : "This item was uploaded, so there is no earlier prompt."}</Field.HelperText>
            )}
          </Field.Root>
          {start.isError && (
            <Alert.Root status="error" size="sm" role="alert">
              <Alert.Indicator />
              <Alert.Title>{messageOf(start.error)}</Alert.Title>
            </Alert.Root>
          )}
          <Flex gap="2" justify="end">
            <Button variant="outline" onClick={onClose} disabled={start.isPending}>
              Cancel
            </Button>
            <Button type="submit" colorPalette="blue" loading={start.isPending} loadingText="Starting…">
              Make a new version
            </Button>
          </Flex>
        </Stack>
      </form>
    </Dialog>
  );
}
