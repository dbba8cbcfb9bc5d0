/**
 * The rules of a media task submission (seed 004), as one pure function the gateway runs on the HTTP body and
 * the media service runs again on the command: task type, prompt, which images each type needs or refuses, and
 * each type's parameters. Reasons are keyed by field (`prompt`, `image`, `parameters.width`), the seed's
 * `details` shape.
 */

export const MEDIA_TASK_TYPES = [
  'image_generation',
  'face_swap',
  'background_removal',
  'object_removal',
  'style_transfer',
] as const;
export type MediaTaskType = (typeof MEDIA_TASK_TYPES)[number];

/** The Bull queue (short name) each task type runs on: the seed's CELERY_TASK_ROUTES. */
export const MEDIA_TASK_QUEUE: Readonly<Record<MediaTaskType, 'cpu' | 'gpu'>> = {
  image_generation: 'gpu',
  face_swap: 'gpu',
  style_transfer: 'gpu',
  background_removal: 'cpu',
  object_removal: 'cpu',
};

export const MEDIA_IMAGE_FIELDS = ['image', 'target_image', 'style_image', 'mask'] as const;
export type MediaImageField = (typeof MEDIA_IMAGE_FIELDS)[number];

/** Longest prompt (seed: 5,000 characters). */
export const MAX_PROMPT_LENGTH = 5000;
export const MAX_NEGATIVE_PROMPT_LENGTH = 2000;
export const MAX_WEBHOOK_URL_LENGTH = 2000;
/** Longest pending deadline a submission may ask for. */
export const MAX_DEADLINE_SECONDS = 86_400;
export const MAX_BOXES = 50;

export const STYLE_TRANSFER_STYLES = ['oil', 'pencil', 'cartoon', 'smooth', 'sepia'] as const;
export const MAX_STYLE_RADIUS = 32;
export const GENERATION_STYLES = [
  'photo',
  'product',
  'illustration',
  '3d',
  'technical',
  'sketch',
  'watercolor',
  'cinematic',
] as const;

export function isMediaTaskType(value: unknown): value is MediaTaskType {
  return typeof value === 'string' && (MEDIA_TASK_TYPES as readonly string[]).includes(value);
}

/** What the rules look at: the body's fields, images only as present or absent. */
export interface TaskSubmission {
  task_type?: unknown;
  prompt?: unknown;
  parameters?: unknown;
  webhook_url?: unknown;
  deadline_seconds?: unknown;
  images: Partial<Record<MediaImageField, boolean>>;
}

export type Details = Record<string, string[]>;

type ParamRule = (value: unknown) => string | null;

const int =
  (min: number, max: number, step = 1): ParamRule =>
  (v) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max && v % step === 0
      ? null
      : `must be an integer from ${min} to ${max}${step > 1 ? `, a multiple of ${step}` : ''}`;
const num =
  (min: number, max: number): ParamRule =>
  (v) =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max
      ? null
      : `must be a number from ${min} to ${max}`;
const oneOf =
  (choices: readonly string[]): ParamRule =>
  (v) =>
    typeof v === 'string' && choices.includes(v) ? null : `must be one of ${choices.join(', ')}`;
const text =
  (max: number): ParamRule =>
  (v) =>
    typeof v === 'string' && v.length <= max ? null : `must be a string of at most ${max} characters`;
const bool: ParamRule = (v) => (typeof v === 'boolean' ? null : 'must be true or false');

const boxes: ParamRule = (v) => {
  if (!Array.isArray(v) || v.length === 0 || v.length > MAX_BOXES)
    return `must be a list of 1 to ${MAX_BOXES} boxes {x, y, width, height}`;
  for (const [i, box] of v.entries()) {
    const b = box as Record<string, unknown>;
    const ok =
      typeof box === 'object' &&
      box !== null &&
      Object.keys(b).every((k) => ['x', 'y', 'width', 'height'].includes(k)) &&
      [b.x, b.y].every((n) => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 100_000) &&
      [b.width, b.height].every((n) => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 100_000);
    if (!ok) return `box ${i} must be {x, y, width, height} in whole pixels (x, y >= 0; width, height >= 1)`;
  }
  return null;
};

/** The parameters each task type takes; anything else is refused by name. */
export const MEDIA_PARAMETER_RULES: Readonly<Record<MediaTaskType, Readonly<Record<string, ParamRule>>>> = {
  image_generation: {
    width: int(64, 2048, 8),
    height: int(64, 2048, 8),
    steps: int(1, 150),
    seed: int(0, 4_294_967_295),
    guidance: num(0, 30),
    negative_prompt: text(MAX_NEGATIVE_PROMPT_LENGTH),
    style: oneOf(GENERATION_STYLES),
  },
  face_swap: {
    source_face: int(0, 19),
    target_face: int(0, 19),
    blend: oneOf(['poisson', 'feather']),
    color_match: bool,
  },
  background_removal: {
    model: oneOf(['small', 'medium']),
    output: oneOf(['foreground', 'mask']),
  },
  object_removal: {
    boxes,
    method: oneOf(['auto', 'telea', 'patch']),
    dilate: int(0, 32),
  },
  style_transfer: {
    style: oneOf(STYLE_TRANSFER_STYLES),
    radius: int(1, MAX_STYLE_RADIUS),
  },
};

const LABEL: Record<MediaImageField, string> = {
  image: 'Image',
  target_image: 'Target image',
  style_image: 'Style image',
  mask: 'Mask',
};

/** Which images a task type needs (always) and may take. */
const IMAGES: Record<MediaTaskType, { required: MediaImageField[]; optional: MediaImageField[] }> = {
  image_generation: { required: [], optional: [] },
  face_swap: { required: ['image', 'target_image'], optional: [] },
  background_removal: { required: ['image'], optional: [] },
  object_removal: { required: ['image'], optional: ['mask'] },
  style_transfer: { required: ['image'], optional: ['style_image'] },
};

function add(details: Details, field: string, reason: string): void {
  (details[field] ??= []).push(reason);
}

/**
 * Every reason the submission is refused, by field; empty when it is valid. Image bytes are checked elsewhere
 * (type sniffed, size and pixel limits); here only whether the task type needs, takes or refuses each image.
 */
export function validateTaskSubmission(s: TaskSubmission): Details {
  const details: Details = {};
  const type = s.task_type;
  if (type === undefined || type === null || type === '') add(details, 'task_type', 'This field is required.');
  else if (!isMediaTaskType(type))
    add(details, 'task_type', `"${String(type)}" is not a valid choice; one of ${MEDIA_TASK_TYPES.join(', ')}.`);

  if (s.prompt !== undefined && s.prompt !== null) {
    if (typeof s.prompt !== 'string') add(details, 'prompt', 'Not a valid string.');
    else if (s.prompt.length > MAX_PROMPT_LENGTH)
      add(details, 'prompt', `Ensure this field has no more than ${MAX_PROMPT_LENGTH} characters.`);
  }
  if (s.webhook_url !== undefined && s.webhook_url !== null) {
    if (
      typeof s.webhook_url !== 'string' ||
      s.webhook_url.length > MAX_WEBHOOK_URL_LENGTH ||
      !/^https?:\/\/[^\s/]+/i.test(s.webhook_url) ||
      !URL.canParse(s.webhook_url)
    )
      add(details, 'webhook_url', `Enter a valid http(s) URL of at most ${MAX_WEBHOOK_URL_LENGTH} characters.`);
  }
  if (s.deadline_seconds !== undefined && s.deadline_seconds !== null) {
    const reason = int(1, MAX_DEADLINE_SECONDS)(s.deadline_seconds);
    if (reason) add(details, 'deadline_seconds', `deadline_seconds ${reason}`);
  }

  const params = s.parameters ?? {};
  const paramsOk = typeof params === 'object' && params !== null && !Array.isArray(params);
  if (!paramsOk) add(details, 'parameters', 'Must be a JSON object.');
  if (!isMediaTaskType(type)) return details;

  const hasPrompt = typeof s.prompt === 'string' && s.prompt.trim().length > 0;
  if (type === 'image_generation' && !hasPrompt && !details.prompt)
    add(details, 'prompt', 'Prompt is required for image_generation');

  const { required, optional } = IMAGES[type];
  for (const field of required) if (!s.images[field]) add(details, field, `${LABEL[field]} is required for ${type}`);
  for (const field of Object.keys(s.images) as MediaImageField[])
    if (s.images[field] && !required.includes(field) && !optional.includes(field))
      add(details, field, `${LABEL[field]} is not used by ${type}`);

  if (!paramsOk) return details;
  const p = params as Record<string, unknown>;
  const rules = MEDIA_PARAMETER_RULES[type];
  for (const [key, value] of Object.entries(p)) {
    const rule = rules[key];
    if (!rule) {
      const known = Object.keys(rules);
      add(details, `parameters.${key}`, `Unknown parameter for ${type}; known: ${known.join(', ')}`);
      continue;
    }
    const reason = rule(value);
    if (reason) add(details, `parameters.${key}`, `${key} ${reason}`);
  }
  if (type === 'object_removal' && !s.images.mask && p.boxes === undefined)
    add(details, 'mask', 'A mask image or parameters.boxes is required for object_removal');
  if (type === 'style_transfer') {
    if (!s.images.style_image && p.style === undefined)
      add(details, 'parameters.style', 'parameters.style or style_image is required for style_transfer');
    if (s.images.style_image && p.style !== undefined)
      add(details, 'style_image', 'Give either style_image or parameters.style, not both');
    if (s.images.style_image && p.radius !== undefined)
      add(details, 'parameters.radius', 'radius applies to a named style only');
  }
  return details;
}
