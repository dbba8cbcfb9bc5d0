/** Values of the fitment domain that travel on the wire and are stored in the `fitment` schema. */

/** How a job names its products: catalog ids (`selection`) or an uploaded parts file (`upload`), as in the legacy API. */
export const FITMENT_JOB_TYPES = ['selection', 'upload'] as const;
export type FitmentJobType = (typeof FITMENT_JOB_TYPES)[number];

/** Review state of one generated fitment. */
export const FITMENT_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type FitmentStatus = (typeof FITMENT_STATUSES)[number];

export const REVIEW_ACTIONS = ['approve', 'reject'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** Where a fitment came from: the part's own text, approved fitments of similar parts, or the AI provider. */
export const FITMENT_SOURCES = ['text', 'similar', 'provider'] as const;
export type FitmentSource = (typeof FITMENT_SOURCES)[number];

/** Sort keys of a fitment list; a leading `-` sorts descending. `confidence` puts the least certain first. */
export const FITMENT_SORTS = ['confidence', '-confidence', 'year', '-year', 'make', 'part', 'created'] as const;
export type FitmentSort = (typeof FITMENT_SORTS)[number];

/**
 * Validation findings shown with the fitments: `duplicate` (another live fitment of the same part names
 * the same vehicle), `overlap` (another live fitment of the same part covers some of the same
 * configurations of the base vehicle), `years_not_in_catalog` (the part's text names model years the
 * vehicle catalog does not have; they were left out).
 */
export const FINDING_CODES = ['duplicate', 'overlap', 'years_not_in_catalog', 'note'] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** Celery-style task states of the legacy API's progress answer. */
export const TASK_STATES = ['PENDING', 'PROGRESS', 'SUCCESS', 'FAILURE', 'REVOKED'] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const EXPORT_FORMATS = ['aces', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** ACES header SubmissionType: the whole set, or the changes since an earlier export. */
export const SUBMISSION_TYPES = ['FULL', 'NET_CHANGE'] as const;
export type SubmissionType = (typeof SUBMISSION_TYPES)[number];

export const EXPORT_STATUSES = ['queued', 'processing', 'completed', 'failed', 'cancelled'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/** Most product ids one job may name (the dedupe key and the job row hold them). */
export const MAX_JOB_PRODUCTS = 20_000;
/** Most rows of an uploaded parts file. */
export const MAX_UPLOAD_PARTS = 20_000;
/** Most fitments one list page returns. */
export const MAX_FITMENT_PAGE = 5000;
/** Most fitment ids one review request may name. */
export const MAX_REVIEW_IDS = 10_000;
