// Fitment review: not built yet (issue 15, item 2); the API is /api/data-uploads/ai-fitment-jobs and /api/v1/fitment/*.
import { Stack, Text, Title } from '@mantine/core';
import type { Api } from '../api/client';

export function FitmentScreen(_: { api: Api }) {
  return (
    <Stack>
      <Title order={2}>Fitment review</Title>
      <Text>Placeholder.</Text>
    </Stack>
  );
}
