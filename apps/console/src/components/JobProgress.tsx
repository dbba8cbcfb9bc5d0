import { Progress, Stack, Text } from '@mantine/core';
import type { JobView } from '../api/client';

/** A job's progress bar and what it is doing now. */
export function JobProgress({ job, label }: { job: Pick<JobView, 'progress' | 'status'>; label: string }) {
  const percent = Math.round(job.progress.percent);
  return (
    <Stack gap={2} miw={160}>
      <Progress
        value={job.status === 'completed' ? 100 : percent}
        aria-label={`${label}: ${percent}%`}
        striped={job.status === 'processing'}
        animated={job.status === 'processing'}
      />
      <Text size="xs" c="dimmed" data-testid="progress-text">
        {percent}%{job.progress.total > 0 ? ` (${job.progress.current}/${job.progress.total})` : ''}
        {job.progress.message ? ` · ${job.progress.message}` : ''}
      </Text>
    </Stack>
  );
}

export const ACTIVE_STATUSES = new Set(['queued', 'processing']);
