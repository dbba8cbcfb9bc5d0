// The gateway's event stream of the tenant's jobs: one EventSource per session, shared by every screen.
import { createContext, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { JobView } from './api/client';
import type { Session } from './session';

export type StreamState = 'connecting' | 'live' | 'reconnecting';
type Listener = (job: JobView, event: 'job.state' | 'job.progress') => void;

export interface JobEvents {
  state: StreamState;
  subscribe(listener: Listener): () => void;
}

export const JobEventsContext = createContext<JobEvents>({ state: 'connecting', subscribe: () => () => undefined });

/**
 * Opens the stream for the session. EventSource cannot send headers, so this one URL carries the token and tenant as
 * query parameters (the gateway takes them there for this route only); EventSource reconnects by itself.
 */
export function useJobEventSource(session: Session): JobEvents {
  const listeners = useRef(new Set<Listener>());
  const [state, setState] = useState<StreamState>('connecting');
  useEffect(() => {
    const query = new URLSearchParams({ access_token: session.token, tenant: session.tenant });
    const source = new EventSource(`/api/v1/jobs/events?${query}`);
    const onJob = (type: 'job.state' | 'job.progress') => (e: MessageEvent<string>) => {
      const job = JSON.parse(e.data) as JobView;
      for (const listener of listeners.current) listener(job, type);
    };
    source.addEventListener('open', () => setState('live'));
    source.addEventListener('error', () => setState('reconnecting'));
    source.addEventListener('job.state', onJob('job.state'));
    source.addEventListener('job.progress', onJob('job.progress'));
    return () => source.close();
  }, [session.token, session.tenant]);
  return useMemo(
    () => ({
      state,
      subscribe(listener: Listener) {
        listeners.current.add(listener);
        return () => listeners.current.delete(listener);
      },
    }),
    [state],
  );
}

/** Calls `listener` with every job event while the component is mounted. */
export function useJobEvents(listener: Listener): StreamState {
  const events = useContext(JobEventsContext);
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => events.subscribe((job, type) => latest.current(job, type)), [events]);
  return events.state;
}
