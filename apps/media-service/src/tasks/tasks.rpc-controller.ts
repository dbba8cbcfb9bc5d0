import {
  ListMediaTasksCommand,
  MediaPatterns,
  MediaTaskRefCommand,
  SubmitMediaTaskCommand,
  type RequestMeta,
  type ResultOf,
} from '@torque/contracts';
import { RpcController, RpcData, RpcHandler, RpcMeta } from '@torque/platform';
import { TasksService } from './tasks.service.js';

/** Who may submit and cancel tasks: the gateway's list too. */
const SUBMITTERS = ['admin', 'operator', 'reviewer'] as const;

/** Media tasks over RabbitMQ (the gateway's /api/v1/tasks routes). */
@RpcController()
export class TasksRpcController {
  constructor(private readonly tasks: TasksService) {}

  @RpcHandler(MediaPatterns.TasksSubmit, { roles: SUBMITTERS, action: 'Submitting media tasks' })
  submit(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: SubmitMediaTaskCommand,
  ): Promise<ResultOf<typeof MediaPatterns.TasksSubmit>> {
    return this.tasks.submit(meta, data);
  }

  @RpcHandler(MediaPatterns.TasksStatus)
  status(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: MediaTaskRefCommand,
  ): Promise<ResultOf<typeof MediaPatterns.TasksStatus>> {
    return this.tasks.status(meta, data.task_id);
  }

  @RpcHandler(MediaPatterns.TasksResult)
  result(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: MediaTaskRefCommand,
  ): Promise<ResultOf<typeof MediaPatterns.TasksResult>> {
    return this.tasks.result(meta, data.task_id);
  }

  @RpcHandler(MediaPatterns.TasksList)
  list(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: ListMediaTasksCommand,
  ): Promise<ResultOf<typeof MediaPatterns.TasksList>> {
    return this.tasks.list(meta, data);
  }

  @RpcHandler(MediaPatterns.TasksCancel, { roles: SUBMITTERS, action: 'Cancelling media tasks' })
  cancel(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: MediaTaskRefCommand,
  ): Promise<ResultOf<typeof MediaPatterns.TasksCancel>> {
    return this.tasks.cancel(meta, data.task_id);
  }
}
