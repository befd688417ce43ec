import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { staleQueries, reconnectDelay, type Viewer } from "../lib/item-live";
import { StreamBusy } from "../lib/job-stream";
import { ApiError } from "../lib/problem";
import { useApi } from "../session";

/**
 * Follows a content item live while the page is open: new comments, status changes and new
 * versions refresh the queries that show them, without reloading, and the people viewing it are
 * returned (the signed-in person included). Streams end by themselves after a while and the next
 * opens at once; after a failure it waits longer each time, and a 404 (the item is gone, or access
 * ended) stops following.
 */
export function useItemLive(projectId: string, contentId: string): Viewer[] {
  const api = useApi();
  const queryClient = useQueryClient();
  const [viewers, setViewers] = useState<Viewer[]>([]);
  useEffect(() => {
    const stop = new AbortController();
    let failures = 0;
    let retry = 1_000;
    let opened = false;
    const sleep = (ms: number) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        stop.signal.addEventListener("abort", () => {
          clearTimeout(timer);
          resolve();
        });
      });
    void (async () => {
      while (!stop.signal.aborted) {
        try {
          await api.followItem(
            projectId,
            contentId,
            (event) => {
              failures = 0;
              if (event.type === "presence") {
                setViewers(event.viewers);
              } else {
                for (const queryKey of staleQueries(projectId, contentId, event.what)) {
                  void queryClient.invalidateQueries({ queryKey });
                }
              }
            },
            stop.signal,
            (ms) => (retry = ms),
          );
          // A stream after the first may have missed changes while it was being opened: read again.
          if (opened) for (const queryKey of staleQueries(projectId, contentId, ["item", "comments"])) void queryClient.invalidateQueries({ queryKey });
          opened = true;
          await sleep(Math.min(retry, 5_000));
        } catch (error) {
          if (stop.signal.aborted) return;
          if (error instanceof ApiError && (error.status === 404 || error.status === 403 || error.status === 401)) return;
          failures += 1;
          await sleep(error instanceof StreamBusy ? error.retryAfterMs : reconnectDelay(failures));
        }
      }
    })();
    return () => stop.abort();
  }, [api, queryClient, projectId, contentId]);
  return viewers;
}
