import type { RequestMeta } from '../messaging/request-meta.js';

/** Bull job data: a reference to the job row, never the work itself. */
export interface JobRef {
  jobId: string;
  meta: Pick<RequestMeta, 'tenantId' | 'correlationId'>;
}
