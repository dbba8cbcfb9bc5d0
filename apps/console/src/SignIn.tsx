// Sign-in: paste a bearer token; in development the gateway also offers one (POST /console/dev-token).
import { Alert, Button, Container, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { createSession, type Session } from './session';

export function SignIn({ onSignIn }: { onSignIn: (session: Session) => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const signIn = (value: string) => {
    try {
      onSignIn(createSession(value));
    } catch (err) {
      setError((err as Error).message);
    }
  };

  const devToken = async () => {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch('/console/dev-token', { method: 'POST' });
      const body = (await res.json()) as { token?: string; message?: string };
      if (!res.ok || !body.token) throw new Error(body.message ?? `${res.status} ${res.statusText}`);
      signIn(body.token);
    } catch (err) {
      setError(`No development token: ${(err as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Container size="sm" py="xl" component="main">
      <Paper withBorder p="xl" radius="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            signIn(token);
          }}
        >
          <Stack>
            <Title order={1} size="h2">
              Torque console
            </Title>
            <Text size="sm">
              Paste a bearer token (a JWT with <code>tenants</code> and <code>roles</code>). It stays in this tab only
              (sessionStorage). Locally: <code>npm run token -- --tenant demo --roles admin,reviewer</code>.
            </Text>
            <Textarea
              label="Bearer token"
              name="token"
              autosize
              minRows={3}
              value={token}
              onChange={(e) => setToken(e.currentTarget.value)}
              required
              autoComplete="off"
              spellCheck={false}
            />
            {error && (
              <Alert color="red" role="alert" title="Cannot sign in">
                {error}
              </Alert>
            )}
            <Group>
              <Button type="submit">Sign in</Button>
              <Button variant="default" onClick={devToken} loading={busy}>
                Use a development token
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
