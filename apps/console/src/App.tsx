// The console's frame: sign-in, then a shell with the screens, the tenant switcher and the event stream's state.
import { AppShell, Badge, Burger, Button, Group, NativeSelect, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { createApi, type Api } from './api/client';
import { JobEventsContext, useJobEventSource, type StreamState } from './events';
import { FitmentScreen } from './screens/FitmentScreen';
import { ImportsScreen } from './screens/ImportsScreen';
import { JobsScreen } from './screens/JobsScreen';
import { MediaScreen } from './screens/MediaScreen';
import { QueuesScreen } from './screens/QueuesScreen';
import { clearSession, createSession, loadSession, saveSession, type Session } from './session';
import { SignIn } from './SignIn';

const BASE = '/console';
const SCREENS: { path: string; label: string; render: (api: Api) => ReactNode }[] = [
  { path: '/jobs', label: 'Jobs & progress', render: (api) => <JobsScreen api={api} /> },
  { path: '/media', label: 'Media tasks', render: (api) => <MediaScreen api={api} /> },
  { path: '/imports', label: 'Imports', render: (api) => <ImportsScreen api={api} /> },
  { path: '/fitment', label: 'Fitment review', render: (api) => <FitmentScreen api={api} /> },
  { path: '/queues', label: 'Queues', render: (api) => <QueuesScreen api={api} /> },
];

function currentPath(): string {
  const path = window.location.pathname.slice(BASE.length) || '/';
  return SCREENS.some((s) => s.path === path) ? path : SCREENS[0].path;
}

const STREAM_LABEL: Record<StreamState, string> = { connecting: 'connecting', live: 'live', reconnecting: 'offline' };

function Shell({ session, onSession }: { session: Session; onSession: (s: Session | null) => void }) {
  const [opened, { toggle }] = useDisclosure();
  const [path, setPath] = useState(currentPath);
  const api = useMemo(() => createApi(session), [session]);
  const events = useJobEventSource(session);

  useEffect(() => {
    const onPop = () => setPath(currentPath());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const go = (to: string) => {
    window.history.pushState(null, '', BASE + to);
    setPath(to);
  };
  const screen = SCREENS.find((s) => s.path === path) ?? SCREENS[0];
  useEffect(() => {
    document.title = `${screen.label} · Torque console`;
  }, [screen]);

  return (
    <JobEventsContext.Provider value={events}>
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="md"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
              <Title order={1} size="h4">
                Torque console
              </Title>
              <Badge
                variant="dot"
                color={events.state === 'live' ? 'green' : 'orange'}
                data-testid="stream-state"
                aria-label={`Job events: ${STREAM_LABEL[events.state]}`}
              >
                events {STREAM_LABEL[events.state]}
              </Badge>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <Text size="sm" visibleFrom="sm">
                {session.sub} ({session.roles.join(', ') || 'no roles'})
              </Text>
              <NativeSelect
                aria-label="Tenant"
                size="xs"
                data={session.tenants}
                value={session.tenant}
                onChange={(e) => onSession(createSession(session.token, e.currentTarget.value))}
              />
              <Button size="xs" variant="default" onClick={() => onSession(null)}>
                Sign out
              </Button>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" component="nav" aria-label="Screens">
          {SCREENS.map((s) => (
            <NavLink
              key={s.path}
              href={BASE + s.path}
              label={s.label}
              active={s.path === path}
              aria-current={s.path === path ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                go(s.path);
              }}
            />
          ))}
        </AppShell.Navbar>
        <AppShell.Main>
          {/* Keyed by tenant: a switch reloads every list for the new tenant. */}
          <div key={session.tenant}>{screen.render(api)}</div>
        </AppShell.Main>
      </AppShell>
    </JobEventsContext.Provider>
  );
}

export function App() {
  const [session, setSession] = useState<Session | null>(loadSession);
  const onSession = (next: Session | null) => {
    if (next) saveSession(next);
    else clearSession();
    setSession(next);
  };
  return session ? <Shell session={session} onSession={onSession} /> : <SignIn onSignIn={onSession} />;
}
