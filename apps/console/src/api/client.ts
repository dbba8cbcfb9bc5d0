// Typed calls to the gateway: paths and shapes come from openapi.gen.ts, generated from openapi.json by the build.
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './openapi.gen';
import type { Session } from '../session';

export type Schemas = components['schemas'];
export type JobView = Schemas['JobViewDto'];
export type Upload = Schemas['UploadDto'];
export type MediaTask = Schemas['MediaTaskStatusDto'];
export type MediaTaskType = Schemas['SubmitMediaTaskBodyDto']['task_type'];
export type ErrorEnvelope = Schemas['ErrorEnvelopeDto'];

export type Api = ReturnType<typeof createApi>;

/** A client whose every call carries the session's token and tenant. */
export function createApi(session: Session) {
  const client = createClient<paths>({ baseUrl: window.location.origin });
  const auth: Middleware = {
    onRequest({ request }) {
      request.headers.set('Authorization', `Bearer ${session.token}`);
      request.headers.set('X-Tenant-ID', session.tenant);
      return request;
    },
  };
  client.use(auth);
  return Object.assign(client, {
    session,
    /** The X-Tenant-ID parameter the document declares on every operation. */
    tenant: { 'X-Tenant-ID': session.tenant } as const,
    /** Headers for the calls openapi-fetch does not make (uploads with progress, file downloads). */
    headers: (): Record<string, string> => ({
      Authorization: `Bearer ${session.token}`,
      'X-Tenant-ID': session.tenant,
    }),
  });
}

/** What an error answer says, for people: the envelope's message and the reasons by field. */
export function errorText(error: unknown, response?: Response): string {
  if (error && typeof error === 'object' && 'message' in error) {
    const e = error as { message?: unknown; details?: Record<string, string[]> };
    const details = e.details ? Object.values(e.details).flat().join('; ') : '';
    return [String(e.message), details].filter(Boolean).join(': ');
  }
  if (response) return `${response.status} ${response.statusText}`;
  return error instanceof Error ? error.message : String(error);
}

/** Fetches a file with the session's headers (an <a href> or <img src> cannot carry them) as a Blob. */
export async function fetchBlob(api: Api, path: string): Promise<Blob> {
  const res = await fetch(path, { headers: api.headers() });
  if (!res.ok) throw new Error(errorText(await res.json().catch(() => null), res));
  return res.blob();
}

/** Saves a Blob as a download named `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A nullable scalar that the document types as `object` (how @nestjs/swagger renders `string | null` without an
 * explicit type), as text, or null.
 */
export function scalar(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}
