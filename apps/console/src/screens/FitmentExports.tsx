// ACES XML and CSV exports of the tenant's approved fitments: started here, followed while they run as a job, and
// downloaded with the session's token.
import { Button, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { errorText, fetchBlob, saveBlob, scalar, type Api, type Schemas } from '../api/client';
import { Empty, Failure, formatTime, Loading, StatusBadge } from '../components/states';

type FitmentExport = Schemas['FitmentExportDto'];
type Format = FitmentExport['format'];
type Submission = FitmentExport['submission_type'];

const RUNNING = new Set(['queued', 'processing']);

export function FitmentExports({ api, refreshKey }: { api: Api; refreshKey: number }) {
  const [format, setFormat] = useState<Format>('aces');
  const [submission, setSubmission] = useState<Submission>('FULL');
  const [exports, setExports] = useState<FitmentExport[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const {
      data,
      error: failure,
      response,
    } = await api.GET('/api/v1/fitment/exports', { params: { header: api.tenant, query: { limit: 5 } } });
    if (!data) return setError(errorText(failure, response));
    setError(null);
    setExports(data.data);
  }, [api]);
  useEffect(() => {
    void load();
  }, [load, refreshKey]);
  // Large exports run as a job: follow them until they end.
  const running = exports?.some((e) => RUNNING.has(e.status)) ?? false;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void load(), 1000);
    return () => clearInterval(timer);
  }, [running, load]);

  const download = async (item: FitmentExport) => {
    setActionError(null);
    try {
      const url = scalar(item.download_url) ?? `/api/v1/fitment/exports/${item.id}/file`;
      saveBlob(await fetchBlob(api, url), scalar(item.file_name) ?? `fitments-${item.id}.${item.format}`);
    } catch (err) {
      setActionError(errorText(err));
    }
  };

  const start = async () => {
    setBusy(true);
    setActionError(null);
    const {
      data,
      error: failure,
      response,
    } = await api.POST('/api/v1/fitment/exports', {
      params: { header: api.tenant },
      body: { format, submission_type: submission },
    });
    setBusy(false);
    if (!data) return setActionError(errorText(failure, response));
    void load();
    if (data.status === 'completed') await download(data);
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="exports-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={3} size="h4" id="exports-title">
            Export approved fitments
          </Title>
          <Group align="flex-end">
            <NativeSelect
              label="Format"
              value={format}
              onChange={(e) => setFormat(e.currentTarget.value as Format)}
              data={[
                { value: 'aces', label: 'ACES XML' },
                { value: 'csv', label: 'CSV' },
              ]}
            />
            <NativeSelect
              label="Submission"
              value={submission}
              onChange={(e) => setSubmission(e.currentTarget.value as Submission)}
              data={[
                { value: 'FULL', label: 'Full' },
                { value: 'NET_CHANGE', label: 'Net change since the last export' },
              ]}
            />
            <Button size="sm" loading={busy} onClick={() => void start()}>
              Export
            </Button>
          </Group>
        </Group>
        {actionError && <Failure title="The export failed" message={actionError} />}
        {error ? (
          <Failure title="The exports could not be loaded" message={error} onRetry={() => void load()} />
        ) : !exports ? (
          <Loading what="exports" />
        ) : exports.length === 0 ? (
          <Empty>No exports yet.</Empty>
        ) : (
          <Table aria-label="Fitment exports" data-testid="exports-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">File</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Applications</Table.Th>
                <Table.Th scope="col">Created</Table.Th>
                <Table.Th scope="col">Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {exports.map((item) => (
                <Table.Tr key={item.id} data-export-id={item.id}>
                  <Table.Td>
                    <Text size="sm">
                      {scalar(item.file_name) ?? `${item.format.toUpperCase()} ${item.submission_type}`}
                    </Text>
                    {scalar(item.error_message) && (
                      <Text size="xs" c="red.8">
                        {scalar(item.error_message)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={item.status} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {item.add_count} added, {item.delete_count} deleted ({item.fitment_count} fitments)
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{formatTime(item.created_at)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      disabled={item.status !== 'completed'}
                      onClick={() => void download(item)}
                    >
                      Download
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
