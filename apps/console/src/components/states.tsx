// The loading, empty and error states every screen shows.
import { Alert, Badge, Button, Center, Group, Loader, Text } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';

export function Loading({ what }: { what: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" aria-hidden />
        <Text>Loading {what}…</Text>
      </Group>
    </Center>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return (
    <Center py="xl">
      <Text c="dimmed" data-testid="empty">
        {children}
      </Text>
    </Center>
  );
}

export function Failure({ title, message, onRetry }: { title: string; message: string; onRetry?: () => void }) {
  return (
    <Alert color="red" title={title} role="alert" withCloseButton={false}>
      <Text size="sm">{message}</Text>
      {onRetry && (
        <Button size="xs" variant="light" color="red" mt="xs" onClick={onRetry}>
          Try again
        </Button>
      )}
    </Alert>
  );
}

const STATUS_COLORS: Record<string, string> = {
  queued: 'gray',
  PENDING: 'gray',
  uploaded: 'blue',
  processing: 'blue',
  PROCESSING: 'blue',
  review_required: 'yellow',
  completed: 'green',
  SUCCESS: 'green',
  failed: 'red',
  FAILURE: 'red',
  cancelled: 'dark',
  REVOKED: 'dark',
};

/** A status as a badge; its colour is decoration, the text says it. */
export function StatusBadge({ status }: { status: string }) {
  const color = STATUS_COLORS[status] ?? 'gray';
  // Black text on the light variant's tint: its coloured text is below 4.5:1 (green: 3.8 even at shade 9).
  return (
    <Badge
      color={color}
      variant="light"
      data-testid="status"
      style={{ '--badge-color': 'var(--mantine-color-black)', minWidth: 'max-content' } as CSSProperties}
    >
      {status.replace('_', ' ')}
    </Badge>
  );
}

export function formatTime(iso: string | null | undefined): string {
  return iso ? new Date(iso).toLocaleString() : '—';
}
