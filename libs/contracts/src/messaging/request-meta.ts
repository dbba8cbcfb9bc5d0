import { Type } from 'class-transformer';
import { IsArray, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

/** Who asks and why: travels with every RabbitMQ request, event and Bull job. */
export class RequestMeta {
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  tenantId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  correlationId!: string;

  @IsOptional()
  @IsString()
  userId?: string;

  @IsArray()
  @IsString({ each: true })
  roles!: string[];
}

/** The body of every request sent to a service: meta plus the typed payload. */
export interface RpcRequest<T> {
  meta: RequestMeta;
  data: T;
}

/** Runtime shape check of the envelope; the payload class is validated separately. */
export class RpcRequestEnvelope {
  @IsObject()
  @ValidateNested()
  @Type(() => RequestMeta)
  meta!: RequestMeta;

  @IsObject()
  data!: object;
}
