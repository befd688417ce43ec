import { useMemo } from "react";
import { PeopleApi } from "../lib/people-api";
import { useSession } from "../session";

/** The people API client of the signed-in user; only for screens behind the sign-in guard. */
export function usePeopleApi(): PeopleApi {
  const { user } = useSession();
  if (!user) throw new Error("usePeopleApi is used while signed out");
  return useMemo(() => new PeopleApi((refresh) => user.getIdToken(refresh)), [user]);
}
