// Fitment review: the AI fitment jobs, then one job's fitments sorted by confidence, approved or rejected one by one
// or in bulk (the seed's /api/data-uploads/ai-fitment-jobs routes), edited on their revision, and the ACES/CSV exports.
import { Button, Checkbox, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { errorText, scalar, type Api, type Schemas } from '../api/client';
import { Empty, Failure, formatTime, Loading, StatusBadge } from '../components/states';
import { useJobEvents } from '../events';
import { canOperate } from '../session';
import { FitmentEditor } from './FitmentEditor';
import { FitmentExports } from './FitmentExports';
import { useList } from '../components/useList.js';

type FitmentJob = Schemas['AiFitmentJobDto'];
type Fitment = Schemas['FitmentDto'];
type Review = Schemas['JobFitmentsDto'];
type ReviewStatus = 'pending' | 'approved' | 'rejected';
type Sort = 'confidence' | '-confidence' | 'part' | 'year';

function ReviewTable({ api, job, onChanged }: { api: Api; job: FitmentJob; onChanged: () => void }) {
  const [status, setStatus] = useState<ReviewStatus | ''>('pending');
  const [sort, setSort] = useState<Sort>('confidence');
  const [review, setReview] = useState<Review | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<Fitment | null>(null);

  const load = useCallback(async () => {
    const {
      data,
      error: failure,
      response,
    } = await api.GET('/api/data-uploads/ai-fitment-jobs/{job_id}/fitments', {
      params: {
        header: api.tenant,
        path: { job_id: job.id },
        query: { sort, limit: 100, ...(status ? { status } : {}) },
      },
    });
    if (!data) return setError(errorText(failure, response));
    setError(null);
    setReview(data);
    setSelected((s) => new Set([...s].filter((id) => data.fitments.some((f) => f.id === id))));
  }, [api, job.id, sort, status]);
  useEffect(() => {
    setReview(null);
    void load();
  }, [load]);

  const decide = async (action: 'approve' | 'reject', ids: string[]) => {
    setActionError(null);
    setNotice(null);
    const path = action === 'approve' ? 'bulk-approve' : 'bulk-reject';
    const {
      data,
      error: failure,
      response,
    } = await api.POST(`/api/data-uploads/ai-fitment-jobs/{job_id}/${path}`, {
      params: { header: api.tenant, path: { job_id: job.id } },
      body: { fitment_ids: ids },
    });
    if (!data) setActionError(errorText(failure, response));
    else setNotice(data.message);
    setSelected(new Set());
    void load();
    onChanged();
  };

  const fitments = review?.fitments ?? [];
  const allSelected = fitments.length > 0 && fitments.every((f) => selected.has(f.id));
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const operate = canOperate(api.session);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="review-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={3} size="h4" id="review-title">
              Review of job {job.id.slice(0, 8)}
            </Title>
            {review && (
              <Text size="sm" data-testid="review-counts">
                {review.pending_count} pending, {review.approved_count} approved, {review.rejected_count} rejected of{' '}
                {review.total_count}
              </Text>
            )}
          </div>
          <Group align="flex-end">
            <NativeSelect
              label="Show"
              value={status}
              onChange={(e) => setStatus(e.currentTarget.value as ReviewStatus | '')}
              data={[
                { value: 'pending', label: 'Pending' },
                { value: 'approved', label: 'Approved' },
                { value: 'rejected', label: 'Rejected' },
                { value: '', label: 'All' },
              ]}
            />
            <NativeSelect
              label="Sort"
              value={sort}
              onChange={(e) => setSort(e.currentTarget.value as Sort)}
              data={[
                { value: 'confidence', label: 'Lowest confidence first' },
                { value: '-confidence', label: 'Highest confidence first' },
                { value: 'part', label: 'Part' },
                { value: 'year', label: 'Year' },
              ]}
            />
          </Group>
        </Group>
        {operate && (
          <Group>
            <Button size="xs" disabled={selected.size === 0} onClick={() => void decide('approve', [...selected])}>
              Approve selected ({selected.size})
            </Button>
            <Button
              size="xs"
              color="red"
              variant="light"
              disabled={selected.size === 0}
              onClick={() => void decide('reject', [...selected])}
            >
              Reject selected ({selected.size})
            </Button>
          </Group>
        )}
        {notice && (
          <Text size="sm" role="status">
            {notice}
          </Text>
        )}
        {actionError && <Failure title="The review was not saved" message={actionError} />}
        {error ? (
          <Failure title="The fitments could not be loaded" message={error} onRetry={() => void load()} />
        ) : !review ? (
          <Loading what="fitments" />
        ) : fitments.length === 0 ? (
          <Empty>No {status || ''} fitments in this job.</Empty>
        ) : (
          <Table striped aria-label="Fitments" data-testid="fitments-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">
                  <Checkbox
                    aria-label="Select all shown fitments"
                    checked={allSelected}
                    indeterminate={!allSelected && selected.size > 0}
                    onChange={() => setSelected(allSelected ? new Set() : new Set(fitments.map((f) => f.id)))}
                  />
                </Table.Th>
                <Table.Th scope="col">Part</Table.Th>
                <Table.Th scope="col">Vehicle</Table.Th>
                <Table.Th scope="col">Confidence</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fitments.map((f: Fitment) => {
                const vehicle = [f.year, f.make, f.model, scalar(f.submodel)].filter(Boolean).join(' ');
                return (
                  <Table.Tr key={f.id} data-fitment-id={f.id} data-status={f.status}>
                    <Table.Td>
                      <Checkbox
                        aria-label={`Select ${f.part_id} for ${vehicle}`}
                        checked={selected.has(f.id)}
                        onChange={() => toggle(f.id)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {f.part_id}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {f.part_description}
                      </Text>
                      {f.findings.length > 0 && (
                        <Text size="xs" c="orange.9">
                          {f.findings.map((x) => x.message).join('; ')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{vehicle}</Table.Td>
                    <Table.Td data-testid="confidence">{Math.round(f.confidence_score * 100)}%</Table.Td>
                    <Table.Td>
                      <StatusBadge status={f.status} />
                    </Table.Td>
                    <Table.Td>
                      {operate && (
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="light"
                            aria-label={`Approve ${f.part_id} for ${vehicle}`}
                            disabled={f.status === 'approved'}
                            onClick={() => void decide('approve', [f.id])}
                          >
                            Approve
                          </Button>
                          <Button
                            size="xs"
                            variant="light"
                            color="red"
                            aria-label={`Reject ${f.part_id} for ${vehicle}`}
                            disabled={f.status === 'rejected'}
                            onClick={() => void decide('reject', [f.id])}
                          >
                            Reject
                          </Button>
                          <Button
                            size="xs"
                            variant="default"
                            aria-label={`Edit ${f.part_id} for ${vehicle}`}
                            onClick={() => {
                              setNotice(null);
                              setEditing(f);
                            }}
                          >
                            Edit
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        {editing && (
          <FitmentEditor
            key={editing.id}
            api={api}
            fitment={editing}
            onReloaded={() => void load()}
            onClose={() => setEditing(null)}
            onSaved={(saved) => {
              setEditing(null);
              setNotice(`Saved ${saved.part_id}: revision ${saved.revision}.`);
              void load();
            }}
          />
        )}
      </Stack>
    </Paper>
  );
}

export function FitmentScreen({ api }: { api: Api }) {
  const [open, setOpen] = useState<FitmentJob | null>(null);
  const [reviewed, setReviewed] = useState(0);
  const {
    items: jobs,
    error,
    reload: load,
    reloadSoon,
  } = useList(
    useCallback(
      () => api.GET('/api/data-uploads/ai-fitment-jobs', { params: { header: api.tenant, query: { limit: 20 } } }),
      [api],
    ),
  );
  useJobEvents((job) => {
    if (job.service === 'fitment' && job.type === 'fitment.generate') reloadSoon();
  });

  return (
    <Stack>
      <Title order={2}>Fitment review</Title>
      {error ? (
        <Failure title="The fitment jobs could not be loaded" message={error} onRetry={() => void load()} />
      ) : !jobs ? (
        <Loading what="fitment jobs" />
      ) : jobs.length === 0 ? (
        <Empty>No AI fitment jobs yet.</Empty>
      ) : (
        <Table aria-label="AI fitment jobs" data-testid="fitment-jobs-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Job</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Fitments</Table.Th>
              <Table.Th scope="col">Created</Table.Th>
              <Table.Th scope="col">Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {jobs.map((job) => (
              <Table.Tr key={job.id} data-fitment-job={job.id}>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {job.id}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {job.job_type}, {job.products_processed}/{job.product_count} products,{' '}
                    {Math.round(job.progress_percent)}%
                  </Text>
                  {scalar(job.error_message) && (
                    <Text size="xs" c="red.8">
                      {scalar(job.error_message)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={job.status} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {job.pending_count} pending, {job.approved_count} approved, {job.rejected_count} rejected
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{formatTime(job.created_at)}</Text>
                </Table.Td>
                <Table.Td>
                  <Button size="xs" variant="light" onClick={() => setOpen(job)} disabled={job.fitments_count === 0}>
                    Review
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {open && (
        <ReviewTable
          key={open.id}
          api={api}
          job={open}
          onChanged={() => {
            setReviewed((n) => n + 1);
            void load();
          }}
        />
      )}
      <FitmentExports api={api} refreshKey={reviewed} />
    </Stack>
  );
}
