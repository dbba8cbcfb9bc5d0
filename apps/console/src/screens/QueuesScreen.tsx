// Queues: the Bull job counts of every service's queue (admin), and Bull Board opened in a new tab through a one-time
// link (an admin acting for tenant system; a browser tab cannot carry the bearer token).
import { Alert, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { errorText, type Api, type Schemas } from '../api/client';
import { Empty, Failure, Loading } from '../components/states';

type QueueCounts = Schemas['QueueCountsDto'];
const COUNTS = ['waiting', 'active', 'delayed', 'failed', 'completed', 'paused'] as const;

/** A 403 said for people: who may do this, then the gateway's own words. */
function Refusal({ what, message }: { what: string; message: string }) {
  return (
    <Alert
      color="orange"
      title={`Not allowed: ${what}`}
      role="alert"
      data-testid="queues-refused"
      // The orange title on its tint is below 4.5:1; black text keeps it readable.
      styles={{ title: { color: 'var(--mantine-color-black)' } }}
    >
      <Text size="sm">Only an admin acting for tenant system may use the queues. The gateway answered: {message}</Text>
    </Alert>
  );
}

export function QueuesScreen({ api }: { api: Api }) {
  const [queues, setQueues] = useState<QueueCounts[] | null>(null);
  const [error, setError] = useState<{ message: string; refused: boolean } | null>(null);
  const [boardError, setBoardError] = useState<{ message: string; refused: boolean } | null>(null);
  const [opening, setOpening] = useState(false);

  const load = useCallback(async () => {
    const {
      data,
      error: failure,
      response,
    } = await api.GET('/api/v1/admin/queues', { params: { header: api.tenant } });
    if (!data) return setError({ message: errorText(failure, response), refused: response.status === 403 });
    setError(null);
    setQueues(data.data);
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);

  const openBoard = async () => {
    setBoardError(null);
    // Opened before the await, while the click still counts as the person's gesture (popup blockers).
    const tab = window.open('', '_blank');
    setOpening(true);
    const {
      data,
      error: failure,
      response,
    } = await api.POST('/api/v1/admin/queues/board-session', { params: { header: api.tenant } });
    setOpening(false);
    if (!data) {
      tab?.close();
      return setBoardError({ message: errorText(failure, response), refused: response.status === 403 });
    }
    if (!tab)
      return setBoardError({
        message: 'The browser blocked the new tab: allow pop-ups for the console',
        refused: false,
      });
    tab.opener = null;
    tab.location.href = new URL(data.url, window.location.origin).href;
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>Queues</Title>
        <Group>
          <Button size="sm" variant="default" onClick={() => void load()}>
            Refresh
          </Button>
          <Button size="sm" loading={opening} onClick={() => void openBoard()}>
            Open Bull Board
          </Button>
        </Group>
      </Group>
      {boardError &&
        (boardError.refused ? (
          <Refusal what="the queue dashboard" message={boardError.message} />
        ) : (
          <Failure title="The queue dashboard could not be opened" message={boardError.message} />
        ))}
      {error ? (
        error.refused ? (
          <Refusal what="the queue counts" message={error.message} />
        ) : (
          <Failure title="The queues could not be loaded" message={error.message} onRetry={() => void load()} />
        )
      ) : !queues ? (
        <Loading what="queues" />
      ) : queues.length === 0 ? (
        <Empty>No queues.</Empty>
      ) : (
        <Table striped aria-label="Queues" data-testid="queues-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Queue</Table.Th>
              <Table.Th scope="col">Service</Table.Th>
              {COUNTS.map((c) => (
                <Table.Th scope="col" key={c} style={{ textTransform: 'capitalize' }}>
                  {c}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {queues.map((q) => (
              <Table.Tr key={q.queue} data-queue={q.queue}>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {q.queue}
                  </Text>
                </Table.Td>
                <Table.Td>{q.service}</Table.Td>
                {COUNTS.map((c) => (
                  <Table.Td key={c} data-count={c}>
                    {q[c]}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
