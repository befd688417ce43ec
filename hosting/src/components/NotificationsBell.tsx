import { Badge, Box, Button } from "@chakra-ui/react";
import { useQuery } from "@tanstack/react-query";
import { Link as RouterLink } from "react-router";
import { unreadBadge, unreadLabel } from "../lib/notifications";
import { queryKeys } from "../lib/query-keys";
import { useCollabApi } from "./useCollabApi";

/**
 * The header's link to the inbox, with the number of unread notifications. It asks again every
 * minute and whenever the window comes back into focus.
 */
export function NotificationsBell() {
  const collab = useCollabApi();
  const unread = useQuery({
    queryKey: queryKeys.unreadNotifications(),
    queryFn: () => collab.unread(),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
    staleTime: 10_000,
  });
  const count = unread.data?.count ?? 0;
  const more = unread.data?.more ?? false;
  const label = unreadLabel(count, more);
  return (
    <Button asChild variant="ghost" size="sm" px="2" position="relative">
      <RouterLink to="/notifications" aria-label={label} title={label}>
        <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {count > 0 && (
          <Box as="span" aria-hidden="true" position="absolute" top="0" insetEnd="0">
            <Badge colorPalette="red" variant="solid" size="xs" rounded="full">
              {unreadBadge(count, more)}
            </Badge>
          </Box>
        )}
      </RouterLink>
    </Button>
  );
}
