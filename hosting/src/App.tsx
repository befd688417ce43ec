import { ChakraProvider } from "@chakra-ui/react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { Auth } from "firebase/auth";
import { lazy, Suspense, useState } from "react";
import { BrowserRouter, Route, Routes } from "react-router";
import { Layout, RouteFallback } from "./components/Layout";
import { ApiError } from "./lib/problem";
import { SessionProvider, useSession } from "./session";
import { system } from "./theme";

const Projects = lazy(() => import("./routes/Projects"));
const ProjectPage = lazy(() => import("./routes/ProjectPage"));
const NotFound = lazy(() => import("./routes/NotFound"));
const ContentPage = lazy(() => import("./routes/content/ContentPage"));
const GalleryPage = lazy(() => import("./routes/GalleryPage"));
const Members = lazy(() => import("./routes/Members"));
const Account = lazy(() => import("./routes/Account"));
const Batches = lazy(() => import("./routes/Batches"));
const BatchPage = lazy(() => import("./routes/BatchPage"));
const InvitationPage = lazy(() => import("./routes/InvitationPage"));
const ActivityPage = lazy(() => import("./routes/Activity"));
const Notifications = lazy(() => import("./routes/Notifications"));
const DevOutbox = lazy(() => import("./routes/DevOutbox"));
const SharesPage = lazy(() => import("./routes/SharesPage"));
const HooksPage = lazy(() => import("./routes/HooksPage"));
const TemplatesPage = lazy(() => import("./routes/TemplatesPage"));
const ConnectionsPage = lazy(() => import("./routes/ConnectionsPage"));
const ProviderKeysPage = lazy(() => import("./routes/ProviderKeysPage"));
const KnowledgePage = lazy(() => import("./routes/KnowledgePage"));
const ExportStylePage = lazy(() => import("./routes/ExportStylePage"));
const BudgetPage = lazy(() => import("./routes/BudgetPage"));
const BrandKitsPage = lazy(() => import("./routes/BrandKitsPage"));
const CalendarPage = lazy(() => import("./routes/CalendarPage"));

/** One per mounting of the app, so nothing cached for one person outlives their session on this device. */
function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Retrying can't fix a refusal or a missing resource; it can fix a dropped connection.
        retry: (failures, error) =>
          failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
    },
  });
}

/**
 * Screens for signed-in people only. Signed out, the app is about to be replaced by the light
 * sign-in screen (main.ts), which remembers this address to come back to; until then, nothing.
 */
function RequireUser({ children }: { children: React.ReactNode }) {
  const { user } = useSession();
  return user ? children : null;
}

/** The signed-in app; main.ts mounts it once Firebase says someone is signed in. */
export function App({ auth, signOut }: { auth: Auth; signOut: () => Promise<void> }) {
  const [queryClient] = useState(newQueryClient);
  return (
    <ChakraProvider value={system}>
      <QueryClientProvider client={queryClient}>
        <SessionProvider auth={auth} signOut={signOut}>
          <BrowserRouter>
            <Routes>
              <Route element={<Layout />}>
                <Route path="/" element={<RequireUser><Lazy><Projects /></Lazy></RequireUser>} />
                <Route
                  path="/projects/:projectId"
                  element={<RequireUser><Lazy><ProjectPage /></Lazy></RequireUser>}
                />
                <Route
                  path="/projects/:projectId/contents/:contentId"
                  element={<RequireUser><Lazy><ContentPage /></Lazy></RequireUser>}
                />
                <Route
                  path="/projects/:projectId/gallery"
                  element={<RequireUser><Lazy><GalleryPage /></Lazy></RequireUser>}
                />
                <Route path="/projects/:projectId/members" element={<RequireUser><Lazy><Members /></Lazy></RequireUser>} />
                <Route path="/projects/:projectId/batches" element={<RequireUser><Lazy><Batches /></Lazy></RequireUser>} />
                <Route path="/projects/:projectId/activity" element={<RequireUser><Lazy><ActivityPage /></Lazy></RequireUser>} />
                <Route path="/projects/:projectId/shares" element={<RequireUser><Lazy><SharesPage /></Lazy></RequireUser>} />
                <Route path="/projects/:projectId/hooks" element={<RequireUser><Lazy><HooksPage /></Lazy></RequireUser>} />
                <Route path="/projects/:projectId/templates" element={<RequireUser><Lazy><TemplatesPage /></Lazy></RequireUser>} />
                <Route path="/projects/:projectId/connections" element={<RequireUser><Lazy><ConnectionsPage /></Lazy></RequireUser>} />
                <Route path="/projects/:projectId/keys" element={<RequireUser><Lazy><ProviderKeysPage /></Lazy></RequireUser>} />
                <Route path="/projects/:projectId/knowledge" element={<RequireUser><Lazy><KnowledgePage /></Lazy></RequireUser>} />
                <Route path="/projects/:projectId/export-style" element={<RequireUser><Lazy><ExportStylePage /></Lazy></RequireUser>} />
                <Route path="/projects/:projectId/budget" element={<RequireUser><Lazy><BudgetPage /></Lazy></RequireUser>} />
                <Route path="/projects/:projectId/brand-kits" element={<RequireUser><Lazy><BrandKitsPage /></Lazy></RequireUser>} />
                <Route
                  path="/projects/:projectId/batches/:batchId"
                  element={<RequireUser><Lazy><BatchPage /></Lazy></RequireUser>}
                />
                <Route
                  path="/invitations/:invitationId"
                  element={<RequireUser><Lazy><InvitationPage /></Lazy></RequireUser>}
                />
                <Route path="/calendar" element={<RequireUser><Lazy><CalendarPage /></Lazy></RequireUser>} />
                <Route path="/account" element={<RequireUser><Lazy><Account /></Lazy></RequireUser>} />
                <Route path="/notifications" element={<RequireUser><Lazy><Notifications /></Lazy></RequireUser>} />
                <Route path="/dev/outbox" element={<RequireUser><Lazy><DevOutbox /></Lazy></RequireUser>} />
                <Route path="*" element={<Lazy><NotFound /></Lazy>} />
              </Route>
            </Routes>
          </BrowserRouter>
        </SessionProvider>
      </QueryClientProvider>
    </ChakraProvider>
  );
}

function Lazy({ children }: { children: React.ReactNode }) {
  return <Suspense fallback={<RouteFallback />}>{children}</Suspense>;
}
