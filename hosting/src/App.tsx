import { ChakraProvider } from "@chakra-ui/react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { Auth } from "firebase/auth";
import { lazy, Suspense } from "react";
import { BrowserRouter, Navigate, Route, Routes, useLocation } from "react-router";
import { Layout, RouteFallback } from "./components/Layout";
import { UpdatePrompt } from "./components/UpdatePrompt";
import { ApiError } from "./lib/problem";
import { SessionProvider, useSession } from "./session";
import { system } from "./theme";

const SignIn = lazy(() => import("./routes/SignIn"));
const Projects = lazy(() => import("./routes/Projects"));
const ProjectPage = lazy(() => import("./routes/ProjectPage"));
const NotFound = lazy(() => import("./routes/NotFound"));
const ContentPage = lazy(() => import("./routes/ContentPage"));
const GalleryPage = lazy(() => import("./routes/GalleryPage"));
const Members = lazy(() => import("./routes/Members"));
const Account = lazy(() => import("./routes/Account"));
const Batches = lazy(() => import("./routes/Batches"));
const BatchPage = lazy(() => import("./routes/BatchPage"));

const queryClient = new QueryClient({
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

function RequireUser({ children }: { children: React.ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  if (!user) return <Navigate to="/signin" replace state={{ from: location.pathname + location.search }} />;
  return children;
}

export function App({ auth }: { auth: Auth }) {
  return (
    <ChakraProvider value={system}>
      <QueryClientProvider client={queryClient}>
        <SessionProvider auth={auth}>
          <BrowserRouter>
            <Routes>
              <Route element={<Layout />}>
                <Route path="/signin" element={<Lazy><SignIn /></Lazy>} />
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
                <Route
                  path="/projects/:projectId/batches/:batchId"
                  element={<RequireUser><Lazy><BatchPage /></Lazy></RequireUser>}
                />
                <Route path="/account" element={<RequireUser><Lazy><Account /></Lazy></RequireUser>} />
                <Route path="*" element={<Lazy><NotFound /></Lazy>} />
              </Route>
            </Routes>
          </BrowserRouter>
          <UpdatePrompt />
        </SessionProvider>
      </QueryClientProvider>
    </ChakraProvider>
  );
}

function Lazy({ children }: { children: React.ReactNode }) {
  return <Suspense fallback={<RouteFallback />}>{children}</Suspense>;
}
