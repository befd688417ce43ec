import { Alert, Badge, Box, Button, Checkbox, Flex, Skeleton, Stack, Table, Text } from "@chakra-ui/react";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useParams } from "react-router";
import { ProjectShell } from "../components/ProjectShell";
import { ShareDialog } from "../components/ShareDialog";
import type { ProjectWithUsage, Share } from "../lib/api-types";
import { canEdit, relativeTime } from "../lib/content-view";
import { messageOf } from "../lib/problem";
import { listContentsByStatus } from "../lib/review-api";
import { listShares, revokeShare } from "../lib/shares-api";
import { PERMISSIONS, shareStatusLabel } from "../lib/shares";
import { useApi } from "../session";

export default function SharesPage() {
  const { projectId = "" } = useParams();
  return (
    <ProjectShell projectId={projectId} title="Shared links">
      {(project) =>
        canEdit(project.role) ? (
          <SharesOf project={project} />
        ) : (
          <Text color="fg.muted">Editors and owners make and manage this project's share links.</Text>
        )
      }
    </ProjectShell>
  );
}

/** The project's links with their views, a Revoke button each, and a gallery link from chosen items. */
function SharesOf({ project }: { project: ProjectWithUsage }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const links = useInfiniteQuery({
    queryKey: ["shares", project.id],
    queryFn: ({ pageParam }) => listShares(api, project.id, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const revoke = useMutation({
    mutationFn: (id: string) => revokeShare(api, project.id, id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["shares", project.id] }),
  });
  const items = links.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="6">
      <GalleryPicker projectId={project.id} />
      {revoke.isError && (
        <Alert.Root status="error" size="sm" role="alert">
          <Alert.Indicator />
          <Alert.Title>{messageOf(revoke.error)}</Alert.Title>
        </Alert.Root>
      )}
      {links.isPending ? (
        <Skeleton height="24" />
      ) : links.isError ? (
        <Text color="fg.error">{messageOf(links.error)}</Text>
      ) : items.length === 0 ? (
        <Text color="fg.muted">No links yet. Share an item from its page, or choose items above for a gallery link.</Text>
      ) : (
        <Box overflowX="auto">
          <Table.Root size="sm">
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeader>Label</Table.ColumnHeader>
                <Table.ColumnHeader>Guests may</Table.ColumnHeader>
                <Table.ColumnHeader>Items</Table.ColumnHeader>
                <Table.ColumnHeader>Views</Table.ColumnHeader>
                <Table.ColumnHeader>Last viewed</Table.ColumnHeader>
                <Table.ColumnHeader>Ends</Table.ColumnHeader>
                <Table.ColumnHeader>State</Table.ColumnHeader>
                <Table.ColumnHeader />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {items.map((s) => (
                <LinkRow key={s.id} share={s} revoking={revoke.isPending && revoke.variables === s.id} onRevoke={() => revoke.mutate(s.id)} />
              ))}
            </Table.Body>
          </Table.Root>
        </Box>
      )}
      {links.hasNextPage && (
        <Button variant="outline" size="sm" alignSelf="start" loading={links.isFetchingNextPage} onClick={() => void links.fetchNextPage()}>
          Load more
        </Button>
      )}
    </Stack>
  );
}

function LinkRow({ share, revoking, onRevoke }: { share: Share; revoking: boolean; onRevoke: () => void }) {
  return (
    <Table.Row>
      <Table.Cell>
        {share.label || <Text as="span" color="fg.muted">(no label)</Text>}
        {share.hasPassword && <Badge ms="2">password</Badge>}
        <Text fontSize="xs" color="fg.muted">by {share.createdByName ?? share.createdBy}</Text>
      </Table.Cell>
      <Table.Cell>{PERMISSIONS.find((p) => p.value === share.permission)?.label ?? share.permission}</Table.Cell>
      <Table.Cell>{share.contentIds.length}</Table.Cell>
      <Table.Cell>{share.views}</Table.Cell>
      <Table.Cell>{share.lastViewedAt ? relativeTime(share.lastViewedAt, new Date()) : "never"}</Table.Cell>
      <Table.Cell>{new Date(share.expiresAt).toLocaleDateString()}</Table.Cell>
      <Table.Cell>
        <Badge colorPalette={share.status === "active" ? "green" : "gray"}>{shareStatusLabel(share.status)}</Badge>
      </Table.Cell>
      <Table.Cell>
        {share.status === "active" && (
          <Button size="xs" variant="outline" colorPalette="red" loading={revoking} onClick={onRevoke}>
            Revoke
          </Button>
        )}
      </Table.Cell>
    </Table.Row>
  );
}

/** Choose items of the project (its newest 50) and make one link for them all. */
function GalleryPicker({ projectId }: { projectId: string }) {
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [sharing, setSharing] = useState(false);
  const contents = useInfiniteQuery({
    queryKey: ["share-picker", projectId],
    queryFn: ({ pageParam }) => listContentsByStatus(api, projectId, null, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: open,
  });
  const all = (contents.data?.pages.flatMap((p) => p.items) ?? []).slice(0, 50);
  if (!open) {
    return (
      <Button alignSelf="start" colorPalette="blue" onClick={() => setOpen(true)}>
        New gallery link
      </Button>
    );
  }
  return (
    <Stack gap="2" borderWidth="1px" rounded="md" p="3">
      <Text fontWeight="medium">Choose the items the link opens</Text>
      {contents.isPending ? (
        <Skeleton height="16" />
      ) : (
        <Stack gap="1" maxH="60" overflowY="auto">
          {all.map((c) => (
            <Checkbox.Root
              key={c.id}
              checked={chosen.includes(c.id)}
              onCheckedChange={(e) => setChosen((now) => (e.checked ? [...now, c.id] : now.filter((x) => x !== c.id)))}
            >
              <Checkbox.HiddenInput />
              <Checkbox.Control />
              <Checkbox.Label>
                {c.title} <Text as="span" color="fg.muted">({c.kind}, {c.reviewStatus.replace("_", " ")})</Text>
              </Checkbox.Label>
            </Checkbox.Root>
          ))}
          {all.length === 0 && <Text color="fg.muted">This project has no content yet.</Text>}
        </Stack>
      )}
      <Flex gap="2">
        <Button colorPalette="blue" disabled={chosen.length === 0} onClick={() => setSharing(true)}>
          Share {chosen.length || ""} {chosen.length === 1 ? "item" : "items"}
        </Button>
        <Button variant="outline" onClick={() => { setOpen(false); setChosen([]); }}>
          Cancel
        </Button>
      </Flex>
      <ShareDialog projectId={projectId} contentIds={chosen} open={sharing} onClose={() => { setSharing(false); setChosen([]); setOpen(false); }} />
    </Stack>
  );
}
