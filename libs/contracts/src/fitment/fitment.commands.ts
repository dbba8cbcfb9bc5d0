import { OffsetWindowCommand } from '../jobs/page.dto.js';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsProductIds } from '../catalog/catalog.commands.js';
import { CreateFitmentExportDto } from './fitment-export.dto.js';
import {
  FITMENT_JOB_TYPES,
  MAX_JOB_PRODUCTS,
  MAX_REVIEW_IDS,
  REVIEW_ACTIONS,
  type FitmentJobType,
  type ReviewAction,
} from './fitment-fields.js';
import { JobFitmentsQueryDto, ListFitmentsQueryDto, ReviewFitmentsDto, UpdateFitmentDto } from './fitment.dto.js';
import { ListAiFitmentJobsQueryDto } from './ai-fitment-job.dto.js';

export const PARTS_FILE_FORMATS = ['csv', 'xlsx'] as const;
export type PartsFileFormat = (typeof PARTS_FILE_FORMATS)[number];

/** A parts file the gateway stored (FileStorage) for an upload job; the service reads it by key. */
export class StoredPartsFile {
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  storage_key!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  file_name!: string;

  @IsIn(PARTS_FILE_FORMATS)
  format!: PartsFileFormat;

  @IsInt()
  @Min(1)
  size_bytes!: number;

  @Matches(/^[0-9a-f]{64}$/)
  sha256!: string;
}

/** `fitment.jobs.create`: product ids (selection) or a stored parts file (upload). */
export class CreateFitmentJobCommand {
  @IsIn(FITMENT_JOB_TYPES)
  job_type!: FitmentJobType;

  @ValidateIf((o: CreateFitmentJobCommand) => o.job_type === 'selection')
  @IsProductIds(1, MAX_JOB_PRODUCTS)
  product_ids?: number[];

  @ValidateIf((o: CreateFitmentJobCommand) => o.job_type === 'upload')
  @IsObject()
  @ValidateNested()
  @Type(() => StoredPartsFile)
  file?: StoredPartsFile;
}

export class FitmentJobRefCommand {
  @IsUUID()
  job_id!: string;
}

export class ListFitmentJobsCommand extends ListAiFitmentJobsQueryDto {}

export class JobFitmentsCommand extends JobFitmentsQueryDto {
  @IsUUID()
  job_id!: string;
}

/** The legacy API's bulk-approve / bulk-reject of a job's fitments. */
export class JobBulkReviewCommand {
  @IsUUID()
  job_id!: string;

  @IsIn(REVIEW_ACTIONS)
  action!: ReviewAction;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_REVIEW_IDS)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  fitment_ids!: string[];
}

export class ListFitmentsCommand extends ListFitmentsQueryDto {}

export class ReviewFitmentsCommand extends ReviewFitmentsDto {}

export class FitmentRefCommand {
  @IsUUID()
  id!: string;
}

export class ReviewOneCommand extends FitmentRefCommand {
  @IsIn(REVIEW_ACTIONS)
  action!: ReviewAction;

  @IsOptional()
  @IsInt()
  @Min(1)
  revision?: number;
}

export class UpdateFitmentCommand extends FitmentRefCommand {
  @IsObject()
  @ValidateNested()
  @Type(() => UpdateFitmentDto)
  changes!: UpdateFitmentDto;
}

export class CreateExportCommand extends CreateFitmentExportDto {}

export class ExportRefCommand {
  @IsUUID()
  export_id!: string;
}

export class ListExportsCommand extends OffsetWindowCommand {}

/** Where the gateway finds an export's file in FileStorage. */
export interface ExportFileRef {
  storage_key: string;
  file_name: string;
  content_type: string;
}

/** `fitment.vehicles.import`: a vehicle catalog CSV the gateway stored; the service reads it by key (admin only). */
export class ImportVehiclesCommand {
  @ValidateNested()
  @Type(() => StoredPartsFile)
  file!: StoredPartsFile;
}

/** Most product ids one `fitment.fitments.approved-vehicles` may ask for. */
export const APPROVED_VEHICLES_MAX_IDS = 1000;

/** Payload of `fitment.fitments.approved-vehicles`: catalog products by id. */
export class ApprovedVehiclesCommand {
  @IsProductIds(0, APPROVED_VEHICLES_MAX_IDS)
  product_ids!: number[];
}

/** One vehicle a product fits, from an approved fitment (each once per product). */
export interface ApprovedVehicle {
  product_id: number;
  year: number;
  make: string;
  model: string;
  submodel: string;
}

export interface ApprovedVehiclesResult {
  vehicles: ApprovedVehicle[];
}
