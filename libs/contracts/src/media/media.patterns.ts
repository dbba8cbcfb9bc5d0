import type { Page } from '../jobs/page.dto.js';
import type {
  ListMediaTasksCommand,
  MediaTaskRefCommand,
  MediaTaskResultRef,
  SubmitMediaTaskCommand,
  MediaTaskCancelledDto,
  MediaTaskStatusDto,
  MediaTaskSubmittedDto,
  MediaWebhookDeliveryDto,
} from './media-task.dto.js';

/** Request-reply patterns of the media service. Wire names: never change one without a migration note. */
export const MediaPatterns = {
  /** Records a task (its images already in storage) and queues it on `cpu` or `gpu` by type. */
  TasksSubmit: 'media.tasks.submit',
  TasksStatus: 'media.tasks.status',
  /** The result's storage key and metadata, or a 410 once it expired. */
  TasksResult: 'media.tasks.result',
  TasksList: 'media.tasks.list',
  TasksCancel: 'media.tasks.cancel',
  /** The task's completion webhooks and their delivery attempts. */
  TasksWebhooks: 'media.tasks.webhooks',
} as const;

/** Payload and result of each media pattern. */
export interface MediaMessageContracts {
  [MediaPatterns.TasksSubmit]: { payload: SubmitMediaTaskCommand; result: MediaTaskSubmittedDto };
  [MediaPatterns.TasksStatus]: { payload: MediaTaskRefCommand; result: MediaTaskStatusDto };
  [MediaPatterns.TasksResult]: { payload: MediaTaskRefCommand; result: MediaTaskResultRef };
  [MediaPatterns.TasksList]: { payload: ListMediaTasksCommand; result: Page<MediaTaskStatusDto> };
  [MediaPatterns.TasksCancel]: { payload: MediaTaskRefCommand; result: MediaTaskCancelledDto };
  [MediaPatterns.TasksWebhooks]: { payload: MediaTaskRefCommand; result: MediaWebhookDeliveryDto[] };
}
