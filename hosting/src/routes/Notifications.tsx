import { Alert, Badge, Box, Button, Flex, Link, Skeleton, Stack, Text } from "@chakra-ui/react";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link as RouterLink } from "react-router";
import { PageTitle } from "../components/PageTitle";
import { Segmented } from "../components/Segmented";
import { useCollabApi } from "../components/useCollabApi";
import type { Notification } from "../lib/api-types";
import { messageOf } from "../lib/problem";
import { queryKeys } from "../lib/query-keys";

const KIND_LABELS: Record<Notification["kind"], string> = {
  mention: "Mention",
  reply: "Reply",
  comment: "Comment",
  review_request: "Review request",
  status_change: "Status change",
  invitation: "Invitation",
  budget: "Budget",
};

/** The signed-in person's inbox: newest first, all or unread only; each entry opens what it is about. */
export default function Notifications() {
  const collab = useCollabApi();
  const queryClient = useQueryClient();
  const [show, setShow] = useState<"unread" | "all">("all");
  const list = useInfiniteQuery({
    queryKey: queryKeys.notificationList(show === "unread"),
    queryFn: ({ pageParam }) => collab.notifications(show === "unread", pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchOnWindowFocus: true,
    refetchOnMount: "always",
  });
  // The development outbox exists only where mail goes into a folder; elsewhere this answers 404.
  const outbox = useQuery({ queryKey: queryKeys.outbox(), queryFn: () => collab.outbox(), retry: false, staleTime: 5 * 60_000 });
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.notifications() });
  const mark = useMutation({
    mutationFn: ({ id, read }: { id: string; read: boolean }) => collab.mark(id, read),
    onSuccess: refresh,
  });
  const markAll = useMutation({ mutationFn: () => collab.markAllRead(), onSuccess: refresh });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="5" maxW="3xl">
      <PageTitle>Notifications</PageTitle>
      <Flex gap="3" align="center" wrap="wrap">
        <Segmented
          label="Which notifications"
          options={[
            { value: "all", label: "All" },
            { value: "unread", label: "Unread" },
          ]}
          value={show}
          onChange={setShow}
        />
        <Button size="sm" variant="outline" loading={markAll.isPending} onClick={() => markAll.mutate()}>
          Mark all read
        </Button>
        {outbox.isSuccess && (
          <Link asChild fontSize="sm" ms="auto">
            <RouterLink to="/dev/outbox">Development outbox</RouterLink>
          </Link>
        )}
      </Flex>
      {(mark.isError || markAll.isError) && (
        <Alert.Root status="error" role="alert" size="sm">
          <Alert.Indicator />
          <Alert.Title>{messageOf(mark.error ?? markAll.error)}</Alert.Title>
        </Alert.Root>
      )}
      {list.isPending && <Skeleton h="24" />}
      {list.isError && (
        <Alert.Root status="error" role="alert">
          <Alert.Indicator />
          <Alert.Title>Couldn't load your notifications. {messageOf(list.error)}</Alert.Title>
        </Alert.Root>
      )}
      {list.isSuccess && items.length === 0 && (
        <Text color="fg.muted">{show === "unread" ? "Nothing unread." : "No notifications yet."}</Text>
      )}
      <Stack as="ul" listStyleType="none" gap="2" aria-label="Notifications">
        {items.map((n) => (
          <Box
            as="li"
            key={n.id}
            bg="bg"
            borderWidth="1px"
            borderStartWidth={n.read ? "1px" : "4px"}
            borderStartColor={n.read ? undefined : "blue.solid"}
            rounded="md"
            p={{ base: "3", md: "4" }}
          >
            <Flex gap="2" align="center" wrap="wrap" mb="1">
              <Badge>{KIND_LABELS[n.kind]}</Badge>
              {!n.read && <Badge colorPalette="blue">Unread</Badge>}
              <Text fontSize="xs" color="fg.muted">
                {new Date(n.createdAt).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })}
              </Text>
            </Flex>
            <Link asChild fontWeight={n.read ? "normal" : "semibold"} wordBreak="break-word">
              <RouterLink to={n.target.link} onClick={() => !n.read && mark.mutate({ id: n.id, read: true })}>
                {n.text}
              </RouterLink>
            </Link>
            <Box mt="1">
              <Button
                size="xs"
                variant="ghost"
                onClick={() => mark.mutate({ id: n.id, read: !n.read })}
                aria-label={n.read ? `Mark as unread: ${n.text}` : `Mark as read: ${n.text}`}
              >
                {n.read ? "Mark unread" : "Mark read"}
              </Button>
            </Box>
          </Box>
        ))}
      </Stack>
      {list.hasNextPage && (
        <Button size="sm" variant="outline" alignSelf="start" loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
          More notifications
        </Button>
      )}
    </Stack>
  );
}
