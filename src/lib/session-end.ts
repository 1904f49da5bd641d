/**
 * "The session has ended": raised once by the query client when any request answers 401 sign-in required, read by
 * the prompt that offers to sign in again, and the moment for pages to save what the manager was doing. One per
 * query client (a WeakMap, not a module global), so each test's client starts signed in.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';

export interface SessionEnd {
  readonly ended: () => boolean;
  /** Marks the session ended (once) and saves every page's work at once: the tab may be closed next. */
  report: () => void;
  /** Saves every page's work again, as it is now: called just before leaving to sign in. */
  saveAll: () => void;
  subscribe: (listener: () => void) => () => void;
  addSaver: (save: () => void) => () => void;
}

export function createSessionEnd(): SessionEnd {
  let ended = false;
  const listeners = new Set<() => void>();
  const savers = new Set<() => void>();
  const saveAll = () => savers.forEach((save) => save());
  return {
    ended: () => ended,
    report() {
      if (ended) return;
      ended = true;
      saveAll();
      listeners.forEach((listener) => listener());
    },
    saveAll,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    addSaver(save) {
      savers.add(save);
      return () => savers.delete(save);
    },
  };
}

const byClient = new WeakMap<QueryClient, SessionEnd>();

/** The signal of a query client; `createQueryClient` registers it, any other client gets its own on first use. */
export function sessionEndOf(client: QueryClient): SessionEnd {
  let sessionEnd = byClient.get(client);
  if (!sessionEnd) byClient.set(client, (sessionEnd = createSessionEnd()));
  return sessionEnd;
}

export function useSessionEnd(): SessionEnd {
  return sessionEndOf(useQueryClient());
}

/** True once any request has answered that the session ended. */
export function useSessionEnded(): boolean {
  const sessionEnd = useSessionEnd();
  // A page the server renders is for a live session: it has not ended there.
  return useSyncExternalStore(sessionEnd.subscribe, sessionEnd.ended, () => false);
}

/** Runs `save` when the session ends and again just before leaving to sign in; it should read the latest state. */
export function useSaveWhenSessionEnds(save: () => void) {
  const sessionEnd = useSessionEnd();
  const latest = useRef(save);
  useEffect(() => {
    latest.current = save;
  });
  useEffect(() => sessionEnd.addSaver(() => latest.current()), [sessionEnd]);
}
