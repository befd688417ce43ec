// The signed-in user and an API client bound to them, shared with every screen. The app is
// mounted only once someone is signed in (main.ts); signing out hands the page back to the light
// sign-in screen, which lives outside React.

import { useQueryClient } from "@tanstack/react-query";
import { onAuthStateChanged, type Auth, type User } from "firebase/auth";
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { Api } from "./lib/api";

export interface Session {
  auth: Auth;
  user: User | null;
  api: Api | null;
  /** Signs out on purpose: the sign-in screen then forgets the screen the person was on. */
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({
  auth,
  signOut,
  children,
}: {
  auth: Auth;
  signOut: () => Promise<void>;
  children: ReactNode;
}) {
  // Known at once when main.ts mounts the app after the first auth state; undefined otherwise,
  // until Firebase has said whether someone is signed in.
  const [user, setUser] = useState<User | null | undefined>(() => auth.currentUser ?? undefined);
  const queryClient = useQueryClient();
  const lastUid = useRef<string | null | undefined>(undefined);
  useEffect(
    () =>
      onAuthStateChanged(auth, (next) => {
        // Answers cached for one person must never be shown to the next one on this device.
        const uid = next?.uid ?? null;
        if (lastUid.current !== undefined && lastUid.current !== uid) queryClient.clear();
        lastUid.current = uid;
        setUser(next);
      }),
    [auth, queryClient],
  );
  const value = useMemo<Session | null>(() => {
    if (user === undefined) return null;
    return { auth, user, api: user ? new Api((refresh) => user.getIdToken(refresh)) : null, signOut };
  }, [auth, user, signOut]);
  if (!value) return null;
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession is used outside SessionProvider");
  return session;
}

/** The API client of the signed-in user; only for screens behind the sign-in guard. */
export function useApi(): Api {
  const { api } = useSession();
  if (!api) throw new Error("useApi is used while signed out");
  return api;
}
