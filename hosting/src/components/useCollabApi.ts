import { useMemo } from "react";
import { CollabApi } from "../lib/collab-api";
import { useSession } from "../session";

/** The comments and notifications client of the signed-in user; only for screens behind the sign-in guard. */
export function useCollabApi(): CollabApi {
  const { user } = useSession();
  if (!user) throw new Error("useCollabApi is used while signed out");
  return useMemo(() => new CollabApi((refresh) => user.getIdToken(refresh)), [user]);
}
