// Imports: upload a CSV or Excel file (XMLHttpRequest, for its upload progress), start it, watch it, cancel it, and
// download the rejected rows.
import { Button, FileInput, Group, NativeSelect, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { errorText, fetchBlob, saveBlob, scalar, type Api, type JobView, type Upload } from '../api/client';
import { ACTIVE_STATUSES, JobProgress } from '../components/JobProgress';
import { Empty, Failure, formatTime, Loading, StatusBadge } from '../components/states';
import { useJobEvents } from '../events';
import { canOperate } from '../session';
import { useList } from '../components/useList.js';

type Kind = 'procurement' | 'products';

/** POST /api/v1/ingestion/uploads with the file last (as the gateway wants it), reporting bytes sent. */
function uploadFile(api: Api, kind: Kind, file: File, onProgress: (percent: number) => void): Promise<Upload> {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/ingestion/uploads');
    for (const [name, value] of Object.entries(api.headers())) xhr.setRequestHeader(name, value);
    xhr.responseType = 'json';
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) onProgress((e.loaded / e.total) * 100);
    });
    xhr.addEventListener('load', () => {
      if (xhr.status === 201) resolve(xhr.response as Upload);
      else reject(new Error(errorText(xhr.response, new Response(null, { status: xhr.status }))));
    });
    xhr.addEventListener('error', () => reject(new Error('The upload was interrupted (network error)')));
    xhr.send(form);
  });
}

function UploadForm({ api, onUploaded }: { api: Api; onUploaded: (upload: Upload) => void }) {
  const [kind, setKind] = useState<Kind>('procurement');
  const [file, setFile] = useState<File | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const send = async () => {
    if (!file) return;
    setError(null);
    setPercent(0);
    try {
      const upload = await uploadFile(api, kind, file, setPercent);
      setPercent(100);
      setFile(null);
      onUploaded(upload);
    } catch (err) {
      setError((err as Error).message);
      setPercent(null);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="upload-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <Stack gap="sm">
          <Title order={3} size="h4" id="upload-title">
            Upload a file
          </Title>
          <Group align="flex-end" grow>
            <NativeSelect
              label="Kind"
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value as Kind)}
              data={[
                { value: 'procurement', label: 'Procurement (purchase order lines)' },
                { value: 'products', label: 'Products (product master)' },
              ]}
            />
            <FileInput
              label="CSV or Excel file"
              name="file"
              accept=".csv,.xlsx,text/csv"
              placeholder="Choose a .csv or .xlsx"
              value={file}
              onChange={setFile}
              required
              clearable
              clearButtonProps={{ 'aria-label': 'Clear the file' }}
            />
          </Group>
          {percent !== null && (
            <Stack gap={2}>
              <Progress value={percent} aria-label={`Upload: ${Math.round(percent)}%`} data-testid="upload-progress" />
              <Text size="xs" c="dimmed" data-testid="upload-percent">
                {percent < 100 ? `Uploading… ${Math.round(percent)}%` : 'Uploaded'}
              </Text>
            </Stack>
          )}
          {error && <Failure title="The upload was refused" message={error} />}
          <Group>
            <Button type="submit" disabled={!file || !canOperate(api.session)}>
              Upload
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function Problems({ upload }: { upload: Upload }) {
  if (upload.problems.length === 0) return null;
  return (
    <Table withTableBorder aria-label={`Problems of ${upload.fileName}`} fz="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Row</Table.Th>
          <Table.Th scope="col">Column</Table.Th>
          <Table.Th scope="col">Value</Table.Th>
          <Table.Th scope="col">Expected</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {upload.problems.slice(0, 10).map((p, i) => (
          <Table.Tr key={i}>
            <Table.Td>{p.row}</Table.Td>
            <Table.Td>{scalar(p.column)}</Table.Td>
            <Table.Td>{scalar(p.value)}</Table.Td>
            <Table.Td>{p.expected}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function ImportsScreen({ api }: { api: Api }) {
  const [jobs, setJobs] = useState<Record<string, JobView>>({});
  const [actionError, setActionError] = useState<string | null>(null);
  const {
    items: uploads,
    setItems: setUploads,
    error,
    reload: load,
    reloadSoon,
  } = useList(
    useCallback(
      () => api.GET('/api/v1/ingestion/uploads', { params: { header: api.tenant, query: { limit: 20 } } }),
      [api],
    ),
  );

  useJobEvents((job, event) => {
    if (job.service !== 'ingestion') return;
    setJobs((all) => ({ ...all, [job.id]: job }));
    // A state change also changes the upload (its status, counts, problems and report).
    if (event === 'job.state') reloadSoon();
  });

  const act = async (what: string, call: () => Promise<{ error?: unknown; response: Response }>) => {
    setActionError(null);
    const { error: failure, response } = await call();
    if (failure) setActionError(`${what}: ${errorText(failure, response)}`);
    void load();
  };
  const start = (upload: Upload) =>
    act(`Start of ${upload.fileName}`, async () => {
      const answer = await api.POST('/api/v1/ingestion/uploads/{id}/process', {
        params: { header: api.tenant, path: { id: upload.id } },
        body: {},
      });
      if (answer.data?.job) setJobs((all) => ({ ...all, [answer.data.job!.id]: answer.data.job! }));
      return answer;
    });
  const cancel = (upload: Upload) =>
    act(`Cancel of ${upload.fileName}`, () =>
      api.POST('/api/v1/jobs/{id}/cancel', { params: { header: api.tenant, path: { id: scalar(upload.jobId)! } } }),
    );
  const download = async (upload: Upload) => {
    setActionError(null);
    try {
      const blob = await fetchBlob(api, `/api/v1/ingestion/uploads/${upload.id}/errors.csv`);
      saveBlob(blob, `${upload.fileName.replace(/\.[^.]+$/, '')}-rejected-rows.csv`);
    } catch (err) {
      setActionError(`Rejected rows of ${upload.fileName}: ${(err as Error).message}`);
    }
  };

  return (
    <Stack>
      <Title order={2}>Imports</Title>
      <UploadForm
        api={api}
        onUploaded={(u) => setUploads((list) => [u, ...(list ?? []).filter((x) => x.id !== u.id)])}
      />
      {actionError && <Failure title="That did not work" message={actionError} />}
      {error ? (
        <Failure title="The uploads could not be loaded" message={error} onRetry={() => void load()} />
      ) : !uploads ? (
        <Loading what="uploads" />
      ) : uploads.length === 0 ? (
        <Empty>No uploads yet: upload a CSV or Excel file above.</Empty>
      ) : (
        <Table aria-label="Uploads" data-testid="uploads-table" verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">File</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Progress</Table.Th>
              <Table.Th scope="col">Counts</Table.Th>
              <Table.Th scope="col">Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {uploads.map((upload) => {
              const jobId = scalar(upload.jobId);
              const job = jobId ? jobs[jobId] : undefined;
              const status = job && upload.status !== 'uploaded' ? job.status : upload.status;
              const counts = (job?.counts ?? upload.counts ?? {}) as Record<string, number>;
              return (
                <Table.Tr key={upload.id} data-upload={upload.fileName} data-status={status}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {upload.fileName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {upload.kind}, {upload.format}, {scalar(upload.rowEstimate) ?? '?'} rows,{' '}
                      {formatTime(upload.createdAt)}
                    </Text>
                    {upload.error && (
                      <Text size="xs" c="red.8">
                        {upload.error.message}
                      </Text>
                    )}
                    <Problems upload={upload} />
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={status} />
                  </Table.Td>
                  <Table.Td>
                    {job ? (
                      <JobProgress job={job} label={`Import of ${upload.fileName}`} />
                    ) : (
                      <Text size="xs" c="dimmed">
                        {upload.status === 'uploaded' ? 'not started' : '—'}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" data-testid="counts">
                      {['processed', 'rejected_rows']
                        .filter((k) => k in counts)
                        .map((k) => `${k}: ${counts[k]}`)
                        .join(', ') || '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      {upload.status === 'uploaded' && canOperate(api.session) && (
                        <Button size="xs" onClick={() => void start(upload)}>
                          Start import
                        </Button>
                      )}
                      {jobId && ACTIVE_STATUSES.has(status) && canOperate(api.session) && (
                        <Button size="xs" color="red" variant="light" onClick={() => void cancel(upload)}>
                          Cancel
                        </Button>
                      )}
                      {upload.errorsAvailable && (
                        <Button size="xs" variant="default" onClick={() => void download(upload)}>
                          Rejected rows (CSV)
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
