import { Badge, Button } from "@chakra-ui/react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { messageOf } from "../lib/problem";
import { queryKeys } from "../lib/query-keys";
import { setReviewer } from "../lib/review-api";
import { useApi } from "../session";
import type { Member } from "../lib/api-types";

/**
 * Whether a member reviews content (approves it or asks for changes, whatever their role): owners
 * switch it with a pressed/unpressed button; everyone else sees a badge on reviewers. An owner
 * reviews anyway, so their row shows nothing.
 */
export function ReviewerToggle({
  projectId,
  member,
  canManage,
  name,
  onNotice,
}: {
  projectId: string;
  member: Member;
  canManage: boolean;
  name: string;
  onNotice: (notice: { text: string; error: boolean }) => void;
}) {
  const api = useApi();
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: (reviewer: boolean) => setReviewer(api, projectId, member.uid, reviewer),
    onSuccess: (changed) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.members(projectId) });
      onNotice({
        text: changed.reviewer ? `${name} now reviews content: they may approve it or ask for changes.` : `${name} no longer reviews content.`,
        error: false,
      });
    },
    onError: (error) => onNotice({ text: `Couldn't change whether ${name} reviews. ${messageOf(error)}`, error: true }),
  });
  if (member.role === "owner") return null;
  if (!canManage) {
    return member.reviewer ? (
      <Badge size="lg" colorPalette="teal">
        Reviewer
      </Badge>
    ) : null;
  }
  return (
    <Button
      size="sm"
      variant={member.reviewer ? "solid" : "outline"}
      colorPalette="teal"
      aria-pressed={member.reviewer}
      aria-label={`${name} reviews content`}
      loading={toggle.isPending}
      onClick={() => toggle.mutate(!member.reviewer)}
    >
      Reviewer
    </Button>
  );
}
