import { useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";
import { NotReady } from "../../components/NotReady";
import { canEdit } from "../../lib/content-view";
import { getContentTagged } from "../../lib/contents-api";
import { queryKeys } from "../../lib/query-keys";
import { useApi } from "../../session";
import { Reader } from "./Reader";

/** The reader of one content item: its latest version, edits, versions, compare, restore, regenerate, export, delete. */
export default function ContentPage() {
  const { projectId = "", contentId = "" } = useParams();
  const api = useApi();
  const project = useQuery({ queryKey: queryKeys.project(projectId), queryFn: () => api.getProject(projectId) });
  const content = useQuery({
    queryKey: queryKeys.contentItem(projectId, contentId),
    queryFn: () => getContentTagged(api, projectId, contentId),
  });

  if (!content.isSuccess) {
    return (
      <NotReady
        query={content}
        missingTitle="Content not found"
        failedTitle="Couldn't open this content"
        back={`/projects/${encodeURIComponent(projectId)}`}
        backLabel="Back to the project"
        skeletonHeight="60"
      />
    );
  }
  return (
    <Reader
      projectId={projectId}
      tagged={content.data}
      projectName={project.data?.name}
      editable={canEdit(project.data?.role)}
      role={project.data?.role}
      isOwner={project.data?.role === "owner"}
      refresh={() => content.refetch()}
    />
  );
}
