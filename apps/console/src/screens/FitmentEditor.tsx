// Editing one fitment on the revision it was read at: a 409 (someone else changed it since) reloads the fitment and
// keeps the person's changes, to be applied again on the new revision.
import { Alert, Button, Group, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { errorText, type Api, type Schemas } from '../api/client';
import { Failure } from '../components/states';

type Fitment = Schemas['FitmentDto'];
type Changes = Omit<Schemas['UpdateFitmentDto'], 'revision'>;
interface Form {
  submodel: string;
  engine: string;
  qty: string;
  position: string;
  notes: string;
}

const formOf = (f: Fitment): Form => ({
  submodel: f.submodel,
  engine: f.engine,
  qty: String(f.qty),
  position: f.position,
  notes: f.notes,
});

/** The fields the person changed from the fitment they started from (only those are sent). */
function changesOf(form: Form, start: Form): Changes {
  const changes: Changes = {};
  if (form.submodel !== start.submodel) changes.submodel = form.submodel.trim();
  if (form.engine !== start.engine) changes.engine = form.engine.trim();
  if (form.qty !== start.qty) changes.qty = Number(form.qty);
  if (form.position !== start.position) changes.position = form.position.trim();
  if (form.notes !== start.notes) changes.notes = form.notes;
  return changes;
}

export function FitmentEditor({
  api,
  fitment,
  onSaved,
  onReloaded,
  onClose,
}: {
  api: Api;
  fitment: Fitment;
  onSaved: (saved: Fitment) => void;
  onReloaded: () => void;
  onClose: () => void;
}) {
  const [start] = useState(() => formOf(fitment));
  const [form, setForm] = useState(start);
  const [revision, setRevision] = useState(fitment.revision);
  const [current, setCurrent] = useState<Fitment | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const changes = changesOf(form, start);
  const field = (name: keyof Form) => ({
    value: form[name],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setForm((f) => ({ ...f, [name]: value }));
    },
  });

  const save = async () => {
    setSaving(true);
    setError(null);
    const {
      data,
      error: failure,
      response,
    } = await api.PATCH('/api/v1/fitment/fitments/{id}', {
      params: { header: api.tenant, path: { id: fitment.id } },
      body: { revision, ...changes },
    });
    if (data) {
      setSaving(false);
      return onSaved(data);
    }
    if (response.status === 409) {
      const fresh = await api.GET('/api/v1/fitment/fitments/{id}', {
        params: { header: api.tenant, path: { id: fitment.id } },
      });
      if (fresh.data) {
        setCurrent(fresh.data);
        setRevision(fresh.data.revision);
        onReloaded();
      } else setError(errorText(fresh.error, fresh.response));
    } else setError(errorText(failure, response));
    setSaving(false);
  };

  const vehicle = [fitment.year, fitment.make, fitment.model].join(' ');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="edit-title" data-testid="fitment-editor">
      <Stack gap="sm">
        <Title order={3} size="h4" id="edit-title">
          Edit {fitment.part_id} for {vehicle}
        </Title>
        <Text size="xs" c="dimmed" data-testid="edit-revision">
          Editing revision {revision}
        </Text>
        {current && (
          <Alert
            color="orange"
            title="Someone else changed this fitment"
            role="alert"
            data-testid="stale-revision"
            // The orange title on its tint is below 4.5:1; black text keeps the warning readable.
            styles={{ title: { color: 'var(--mantine-color-black)' } }}
          >
            <Text size="sm">
              It is now at revision {current.revision}: submodel {current.submodel || 'all'}, engine{' '}
              {current.engine || 'all'}, qty {current.qty}, position {current.position || 'none'}, notes{' '}
              {current.notes ? `"${current.notes}"` : 'none'}. Your changes are kept below; apply them again to save
              them on this revision.
            </Text>
          </Alert>
        )}
        <Group grow align="flex-start">
          <TextInput label="Submodel" description="Empty: every submodel" {...field('submodel')} />
          <TextInput label="Engine" description="Empty: every engine" {...field('engine')} />
          <TextInput label="Qty" type="number" min={1} max={999} {...field('qty')} />
          <TextInput label="Position" maxLength={50} {...field('position')} />
        </Group>
        <Textarea label="Notes" maxLength={2000} autosize minRows={2} {...field('notes')} />
        {error && <Failure title="The fitment was not saved" message={error} />}
        <Group>
          <Button size="xs" loading={saving} disabled={Object.keys(changes).length === 0} onClick={() => void save()}>
            {current ? 'Apply my changes again' : 'Save'}
          </Button>
          <Button size="xs" variant="default" onClick={onClose}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
