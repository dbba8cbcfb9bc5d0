import { IsString, Matches, MaxLength } from 'class-validator';

/** Payload of `queues.purge` and `queues.retry-failed`: one of the service's queues, by its short name. */
export class QueueCommand {
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z][a-z0-9-]*$/)
  queue!: string;
}
