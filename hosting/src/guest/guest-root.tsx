// The page of a share link (/s/<token>) for someone without an account: main.ts loads this instead
// of Firebase and the signed-in app. It asks search engines not to index the page.

import { ChakraProvider } from "@chakra-ui/react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ApiError } from "../lib/problem";
import { system } from "../theme";
import { GuestPage } from "./GuestPage";

export function mountGuest(container: HTMLElement, token: string): void {
  // The sign-in screen's markup is not for guests: it goes, forms and all.
  document.getElementById("signin")?.remove();
  const robots = document.createElement("meta");
  robots.name = "robots";
  robots.content = "noindex, nofollow";
  document.head.append(robots);
  // The link's secret stays out of what this page sends elsewhere.
  const referrer = document.createElement("meta");
  referrer.name = "referrer";
  referrer.content = "no-referrer";
  document.head.append(referrer);
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status < 500),
      },
    },
  });
  createRoot(container).render(
    <StrictMode>
      <ChakraProvider value={system}>
        <QueryClientProvider client={client}>
          <GuestPage token={token} />
        </QueryClientProvider>
      </ChakraProvider>
    </StrictMode>,
  );
}
