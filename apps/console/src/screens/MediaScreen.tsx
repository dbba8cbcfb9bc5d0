// Media tasks: submit each type with its images as multipart, see status with queue position, preview the result, cancel.
import {
  Button,
  FileInput,
  Group,
  Image,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { errorText, fetchBlob, scalar, type Api, type MediaTask, type MediaTaskType } from '../api/client';
import { Empty, Failure, formatTime, Loading, StatusBadge } from '../components/states';
import { useJobEvents } from '../events';
import { canOperate } from '../session';
import { useList } from '../components/useList.js';

type ImageField = 'image' | 'target_image' | 'style_image' | 'mask';

/** Per task type: the images it takes (required or not) and parameters to start from (README, "Media tasks"). */
const TASK_TYPES: Record<
  MediaTaskType,
  { images: { field: ImageField; label: string; required: boolean }[]; prompt: boolean; parameters: object }
> = {
  style_transfer: {
    images: [
      { field: 'image', label: 'Image', required: true },
      { field: 'style_image', label: 'Style image (instead of a named style)', required: false },
    ],
    prompt: false,
    parameters: { style: 'sepia' },
  },
  background_removal: {
    images: [{ field: 'image', label: 'Image', required: true }],
    prompt: false,
    parameters: { model: 'small', output: 'foreground' },
  },
  object_removal: {
    images: [
      { field: 'image', label: 'Image', required: true },
      { field: 'mask', label: 'Mask (white: remove; or give parameters.boxes)', required: false },
    ],
    prompt: false,
    parameters: { boxes: [{ x: 0, y: 0, width: 16, height: 16 }], method: 'auto' },
  },
  face_swap: {
    images: [
      { field: 'image', label: 'Source face image', required: true },
      { field: 'target_image', label: 'Target image (face replaced)', required: true },
    ],
    prompt: false,
    parameters: { blend: 'poisson' },
  },
  image_generation: { images: [], prompt: true, parameters: { width: 512, height: 512 } },
};
const ENDED = new Set(['SUCCESS', 'FAILURE', 'REVOKED']);

function SubmitForm({ api, onSubmitted }: { api: Api; onSubmitted: () => void }) {
  const [type, setType] = useState<MediaTaskType>('style_transfer');
  const [files, setFiles] = useState<Partial<Record<ImageField, File | null>>>({});
  const [prompt, setPrompt] = useState('');
  const [parameters, setParameters] = useState(JSON.stringify(TASK_TYPES.style_transfer.parameters));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [accepted, setAccepted] = useState<string | null>(null);
  const spec = TASK_TYPES[type];

  const submit = async () => {
    setError(null);
    setAccepted(null);
    if (parameters.trim()) {
      try {
        JSON.parse(parameters);
      } catch {
        setError('Parameters must be a JSON object');
        return;
      }
    }
    const form = new FormData();
    form.append('task_type', type);
    if (prompt) form.append('prompt', prompt);
    if (parameters.trim()) form.append('parameters', parameters);
    for (const { field } of spec.images) {
      const file = files[field];
      if (file) form.append(field, file, file.name);
    }
    setBusy(true);
    const {
      data,
      error: failure,
      response,
    } = await api.POST('/api/v1/tasks/submit', {
      params: { header: api.tenant },
      body: { task_type: type },
      bodySerializer: () => form,
    });
    setBusy(false);
    if (!data) return setError(errorText(failure, response));
    setAccepted(`Task ${data.task_id} accepted on the ${data.queue} queue`);
    onSubmitted();
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="submit-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Title order={3} size="h4" id="submit-title">
            Submit a task
          </Title>
          <NativeSelect
            label="Task type"
            value={type}
            data={Object.keys(TASK_TYPES)}
            onChange={(e) => {
              const next = e.currentTarget.value as MediaTaskType;
              setType(next);
              setFiles({});
              setParameters(JSON.stringify(TASK_TYPES[next].parameters));
            }}
          />
          {spec.images.map(({ field, label, required }) => (
            <FileInput
              key={`${type}-${field}`}
              label={label}
              name={field}
              accept="image/png,image/jpeg,image/webp"
              placeholder="PNG, JPEG or WebP"
              required={required}
              clearable
              clearButtonProps={{ 'aria-label': `Clear ${label}` }}
              value={files[field] ?? null}
              onChange={(file) => setFiles((f) => ({ ...f, [field]: file }))}
            />
          ))}
          <Textarea
            label={spec.prompt ? 'Prompt' : 'Prompt (optional, for hosted providers)'}
            value={prompt}
            required={spec.prompt}
            onChange={(e) => setPrompt(e.currentTarget.value)}
            autosize
            minRows={1}
          />
          <Textarea
            label="Parameters (JSON)"
            value={parameters}
            onChange={(e) => setParameters(e.currentTarget.value)}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            autosize
            minRows={1}
          />
          {error && <Failure title="The task was refused" message={error} />}
          {accepted && (
            <Text size="sm" role="status">
              {accepted}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={busy} disabled={!canOperate(api.session)}>
              Submit
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function ResultPreview({ api, task }: { api: Api; task: MediaTask }) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let objectUrl: string | null = null;
    fetchBlob(api, `/api/v1/tasks/${task.task_id}/result/image`)
      .then((blob) => setUrl((objectUrl = URL.createObjectURL(blob))))
      .catch((err: Error) => setError(err.message));
    return () => {
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [api, task.task_id]);
  return (
    <Paper withBorder p="md" component="section" aria-label="Result preview">
      <Title order={3} size="h4" mb="sm">
        Result of {task.task_type} {task.task_id.slice(0, 8)}
      </Title>
      {error ? (
        <Failure title="No result image" message={error} />
      ) : url ? (
        <Image src={url} alt={`Result of ${task.task_type} task ${task.task_id}`} maw={360} radius="sm" />
      ) : (
        <Loading what="the result" />
      )}
    </Paper>
  );
}

export function MediaScreen({ api }: { api: Api }) {
  const [actionError, setActionError] = useState<string | null>(null);
  const [preview, setPreview] = useState<MediaTask | null>(null);
  const {
    items: tasks,
    setItems: setTasks,
    error,
    reload: load,
    reloadSoon,
  } = useList(
    useCallback(() => api.GET('/api/v1/tasks', { params: { header: api.tenant, query: { limit: 20 } } }), [api]),
  );

  // Progress is in the event; a change of state also moves others' queue positions, so the list is read again.
  useJobEvents((job, event) => {
    if (job.service !== 'media') return;
    if (event === 'job.progress') {
      setTasks(
        (list) =>
          list?.map((t) =>
            t.task_id === job.id ? { ...t, progress: job.progress.percent, message: job.progress.message } : t,
          ) ?? list,
      );
      return;
    }
    reloadSoon();
  });

  const cancel = async (task: MediaTask) => {
    setActionError(null);
    const { error: failure, response } = await api.POST('/api/v1/tasks/{task_id}/cancel', {
      params: { header: api.tenant, path: { task_id: task.task_id } },
    });
    if (failure) setActionError(errorText(failure, response));
    void load();
  };

  return (
    <Stack>
      <Title order={2}>Media tasks</Title>
      <Group align="flex-start" grow wrap="wrap">
        <SubmitForm api={api} onSubmitted={() => void load()} />
        {preview && <ResultPreview key={preview.task_id} api={api} task={preview} />}
      </Group>
      {actionError && <Failure title="Cancel failed" message={actionError} />}
      {error ? (
        <Failure title="The tasks could not be loaded" message={error} onRetry={() => void load()} />
      ) : !tasks ? (
        <Loading what="media tasks" />
      ) : tasks.length === 0 ? (
        <Empty>No media tasks yet: submit one above.</Empty>
      ) : (
        <Table striped aria-label="Media tasks" data-testid="tasks-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Task</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Queue</Table.Th>
              <Table.Th scope="col">Progress</Table.Th>
              <Table.Th scope="col">Created</Table.Th>
              <Table.Th scope="col">Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tasks.map((task) => (
              <Table.Tr key={task.task_id} data-task-id={task.task_id} data-status={task.status}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {task.task_type}
                  </Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {task.task_id}
                  </Text>
                  {task.error && (
                    <Text size="xs" c="red.8" data-testid="task-error">
                      {task.error.code}: {task.error.message}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={task.status} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{task.queue}</Text>
                  {task.queue_position !== null && (
                    <Text size="xs" c="dimmed" data-testid="queue-position">
                      position {scalar(task.queue_position)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{Math.round(task.progress)}%</Text>
                  <Text size="xs" c="dimmed">
                    {task.message}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{formatTime(task.created_at)}</Text>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    {task.result_available && (
                      <Button size="xs" variant="light" onClick={() => setPreview(task)}>
                        Preview
                      </Button>
                    )}
                    {task.result_expired && (
                      <Text size="xs" c="dimmed">
                        result expired
                      </Text>
                    )}
                    {!ENDED.has(task.status) && canOperate(api.session) && (
                      <Button size="xs" color="red" variant="light" onClick={() => void cancel(task)}>
                        Cancel
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
