import { Box, Stack } from "@chakra-ui/react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { JobView } from "../../components/JobView";
import { MediaViewer } from "../../components/MediaViewer";
import { updateContent } from "../../lib/contents-api";
import { queryKeys } from "../../lib/query-keys";
import { useApi, useSession } from "../../session";
import { useItemLive } from "../../components/useItemLive";
import { Viewers } from "./Viewers";
import { ContentActions, type ReaderMode } from "./ContentActions";
import { ContentHeader } from "./ContentHeader";
import { Comments } from "./Comments";
import { ContentView } from "./ContentView";
import { Findings } from "./Findings";
import { DeleteDialog } from "./DeleteDialog";
import { RegenerateDialog } from "./RegenerateDialog";
import { RenameForm } from "./RenameForm";
import { PublishPanel } from "./PublishPanel";
import { ReviewPanel } from "./ReviewPanel";
import { SavedNotice } from "./SavedNotice";
import { TextEditor } from "./TextEditor";
import { Versions } from "./Versions";
import { KnowledgeUsed } from "./KnowledgeUsed";
import type { Content, ContentChange, Job, Role, Tagged } from "../../lib/api-types";

/**
 * One loaded item and what can be done with it. Rename, edit and restore are one PATCH with the
 * item's ETag, so they share one mutation and its conflict handling.
 */
export function Reader({
  projectId,
  tagged,
  projectName,
  editable,
  role,
  isOwner = false,
  refresh,
}: {
  projectId: string;
  tagged: Tagged<Content>;
  projectName?: string;
  editable: boolean;
  /** The signed-in person's role, once the project is read: what review moves they are offered. */
  role?: Role;
  /** Owners may delete anyone's comments. */
  isOwner?: boolean;
  refresh: () => Promise<unknown>;
}) {
  const api = useApi();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const item = tagged.value;
  const viewers = useItemLive(projectId, item.id);
  const [mode, setMode] = useState<ReaderMode>("read");
  const [notice, setNotice] = useState("");
  const [noticeCount, setNoticeCount] = useState(0);
  const [viewerOpen, setViewerOpen] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [regenerateOpen, setRegenerateOpen] = useState(false);
  const [job, setJob] = useState<Job | null>(null);
  const projectPath = `/projects/${encodeURIComponent(projectId)}`;

  const change = useMutation({
    mutationFn: (body: ContentChange) => updateContent(api, projectId, item.id, tagged.etag, body),
  });
  /** Sends a change; once saved, shows the new state, says `message` of it and, unless `stay`, closes the form. */
  const save = (body: ContentChange, message: (saved: Content) => string, stay = false) =>
    change.mutate(body, {
      onSuccess: (result) => {
        queryClient.setQueryData(queryKeys.contentItem(projectId, item.id), result);
        void queryClient.invalidateQueries({ queryKey: queryKeys.contents(projectId) });
        void queryClient.invalidateQueries({ queryKey: queryKeys.activity(projectId) });
        setNotice(message(result.value));
        setNoticeCount((count) => count + 1);
        if (!stay) setMode("read");
      },
    });
  const reload = () => {
    change.reset();
    void refresh();
  };
  const closeForm = () => {
    change.reset();
    setMode("read");
  };

  return (
    <Stack gap="6">
      <ContentHeader item={item} projectPath={projectPath} projectName={projectName} />
      <Viewers viewers={viewers} me={user?.uid} />
      <ContentActions
        item={item}
        editable={editable}
        mode={mode}
        regenerating={job !== null}
        onMode={setMode}
        onRegenerate={() => setRegenerateOpen(true)}
        onDelete={() => setConfirmDelete(true)}
      />
      <SavedNotice notice={notice} count={noticeCount} />
      <Findings
        projectId={projectId}
        item={item}
        editable={editable}
        fixing={job !== null}
        onStarted={(started) => {
          setNotice("");
          setJob(started);
        }}
      />

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
          onSave={(title) => save({ title }, () => "Renamed.")}
          onReload={reload}
        />
      )}

      {mode === "edit" && item.kind === "text" ? (
        <TextEditor
          key={item.id}
          latest={item.current?.text ?? ""}
          latestVersion={item.currentVersion}
          pending={change.isPending}
          error={change.error}
          onCancel={closeForm}
          onReload={reload}
          onSave={(text) => save({ text }, (saved) => `Saved as version ${saved.currentVersion}.`)}
        />
      ) : (
        <ContentView item={item} onZoom={() => setViewerOpen(true)} />
      )}
      <KnowledgeUsed item={item} />

      <ReviewPanel projectId={projectId} tagged={tagged} role={role} onReload={reload} />
      <PublishPanel projectId={projectId} item={item} role={role} />
      {mode === "read" && <Comments key={`${item.id}-${item.currentVersion}`} projectId={projectId} item={item} isOwner={isOwner} />}

      <Versions
        projectId={projectId}
        item={item}
        editable={editable}
        restore={{
          pending: change.isPending,
          error: mode === "read" ? change.error : null,
          onSave: (number) => save({ restoreVersion: number }, (saved) => `Version ${number} restored as version ${saved.currentVersion}.`, true),
          onReload: reload,
        }}
      />

      <MediaViewer items={[item]} index={viewerOpen ? 0 : null} onIndex={() => undefined} onClose={() => setViewerOpen(false)} />
      <DeleteDialog open={confirmDelete} projectId={projectId} tagged={tagged} projectPath={projectPath} onClose={() => setConfirmDelete(false)} />
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
