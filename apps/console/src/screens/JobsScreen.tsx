// Jobs & progress: every service's jobs (GET /api/v1/jobs), kept live by the event stream, with filters and cancel.
import { Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { errorText, type Api, type JobView } from '../api/client';
import { ACTIVE_STATUSES, JobProgress } from '../components/JobProgress';
import { Empty, Failure, formatTime, Loading, StatusBadge } from '../components/states';
import { useJobEvents } from '../events';
import { canOperate } from '../session';

const SERVICES = ['fitment', 'ingestion', 'media', 'indexer'] as const;
const STATUSES = ['queued', 'processing', 'review_required', 'completed', 'failed', 'cancelled'] as const;
type Service = (typeof SERVICES)[number];
type Status = (typeof STATUSES)[number];
const PAGE_SIZE = 50;

export function JobsScreen({ api }: { api: Api }) {
  const [service, setService] = useState<Service | ''>('');
  const [status, setStatus] = useState<Status | ''>('');
  const [jobs, setJobs] = useState<JobView[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    const {
      data,
      error: failure,
      response,
    } = await api.GET('/api/v1/jobs', {
      params: {
        header: api.tenant,
        query: { limit: PAGE_SIZE, ...(service ? { service } : {}), ...(status ? { status } : {}) },
      },
    });
    if (!data) {
      setError(errorText(failure, response));
      return;
    }
    setJobs(data.data);
    setTotal(data.meta.total);
  }, [api, service, status]);

  useEffect(() => {
    setJobs(null);
    void load();
  }, [load]);

  useJobEvents((job) => {
    const matches = (!service || job.service === service) && (!status || job.status === status);
    setJobs((list) => {
      if (!list) return list;
      const index = list.findIndex((j) => j.id === job.id);
      if (index === -1) return matches ? [job, ...list].slice(0, PAGE_SIZE) : list;
      return matches ? list.map((j, i) => (i === index ? job : j)) : list.filter((_, i) => i !== index);
    });
  });

  const cancel = async (job: JobView) => {
    setActionError(null);
    const {
      data,
      error: failure,
      response,
    } = await api.POST('/api/v1/jobs/{id}/cancel', {
      params: { header: api.tenant, path: { id: job.id } },
    });
    if (!data) setActionError(`Cancel of ${job.type} failed: ${errorText(failure, response)}`);
    else setJobs((list) => list?.map((j) => (j.id === data.id ? data : j)) ?? list);
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>Jobs &amp; progress</Title>
        <Group align="flex-end">
          <NativeSelect
            label="Service"
            value={service}
            onChange={(e) => setService(e.currentTarget.value as Service | '')}
            data={[{ value: '', label: 'All services' }, ...SERVICES]}
          />
          <NativeSelect
            label="Status"
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as Status | '')}
            data={[{ value: '', label: 'All statuses' }, ...STATUSES]}
          />
          <Button variant="default" onClick={() => void load()}>
            Refresh
          </Button>
        </Group>
      </Group>
      {actionError && <Failure title="Cancel failed" message={actionError} />}
      {error ? (
        <Failure title="The jobs could not be loaded" message={error} onRetry={() => void load()} />
      ) : !jobs ? (
        <Loading what="jobs" />
      ) : jobs.length === 0 ? (
        <Empty>No jobs{service || status ? ' match these filters' : ' yet'}.</Empty>
      ) : (
        <>
          <Table striped highlightOnHover aria-label="Jobs" data-testid="jobs-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Job</Table.Th>
                <Table.Th scope="col">Service</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Progress</Table.Th>
                <Table.Th scope="col">Created</Table.Th>
                <Table.Th scope="col">Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {jobs.map((job) => (
                <Table.Tr key={job.id} data-job-id={job.id} data-status={job.status}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {job.type}
                    </Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {job.id}
                    </Text>
                    {job.error && (
                      <Text size="xs" c="red.8" role="note" data-testid="job-error">
                        {job.error.code}: {job.error.message}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{job.service}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={job.status} />
                    {job.cancelRequested && (
                      <Text size="xs" c="dimmed">
                        cancel requested
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <JobProgress job={job} label={`Progress of ${job.type}`} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{formatTime(job.createdAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    {ACTIVE_STATUSES.has(job.status) && !job.cancelRequested && canOperate(api.session) && (
                      <Button size="xs" color="red" variant="light" onClick={() => void cancel(job)}>
                        Cancel
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed">
            Showing {jobs.length} of {Math.max(total, jobs.length)} jobs, newest first; rows change as the jobs do.
          </Text>
        </>
      )}
    </Stack>
  );
}
