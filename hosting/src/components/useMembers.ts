import { useInfiniteQuery } from "@tanstack/react-query";
import { queryKeys } from "../lib/query-keys";
import { usePeopleApi } from "./usePeopleApi";

/** A project's members, page by page, under one cache key for every screen that reads them. */
export function useMembers(projectId: string, enabled = true) {
  const people = usePeopleApi();
  return useInfiniteQuery({
    queryKey: queryKeys.members(projectId),
    queryFn: ({ pageParam }) => people.listMembers(projectId, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled,
  });
}
