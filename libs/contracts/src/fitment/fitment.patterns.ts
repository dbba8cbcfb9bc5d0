import type { Page } from '../jobs/page.dto.js';
import type {
  AiFitmentJobCreatedDto,
  AiFitmentJobDto,
  AiFitmentJobListDto,
  AiFitmentJobProgressDto,
} from './ai-fitment-job.dto.js';
import type {
  ApprovedVehiclesCommand,
  ApprovedVehiclesResult,
  CreateExportCommand,
  CreateFitmentJobCommand,
  ExportFileRef,
  ExportRefCommand,
  FitmentJobRefCommand,
  FitmentRefCommand,
  JobBulkReviewCommand,
  JobFitmentsCommand,
  ListExportsCommand,
  ListFitmentJobsCommand,
  ImportVehiclesCommand,
  ListFitmentsCommand,
  ReviewFitmentsCommand,
  ReviewOneCommand,
  UpdateFitmentCommand,
} from './fitment.commands.js';
import type { FitmentExportDto } from './fitment-export.dto.js';
import type { FitmentDto, JobFitmentsDto, JobReviewResultDto, ReviewResultDto } from './fitment.dto.js';
import type {
  ListVehicleMakesQueryDto,
  ListVehicleModelsQueryDto,
  SearchVehiclesQueryDto,
  VehicleMakeListDto,
  VehicleModelListDto,
  VehicleImportResultDto,
  VehiclePageDto,
} from './vehicle.dto.js';

/**
 * Request-reply patterns of AI fitment jobs, review, export and the vehicle catalog (fitment-service).
 * Wire names: never change one without a migration note.
 */
export const FitmentPatterns = {
  AiJobsCreate: 'fitment.ai-jobs.create',
  AiJobsList: 'fitment.ai-jobs.list',
  AiJobsGet: 'fitment.ai-jobs.get',
  AiJobsProgress: 'fitment.ai-jobs.progress',
  AiJobsFitments: 'fitment.ai-jobs.fitments',
  AiJobsBulkReview: 'fitment.ai-jobs.bulk-review',
  FitmentsList: 'fitment.fitments.list',
  FitmentsGet: 'fitment.fitments.get',
  FitmentsUpdate: 'fitment.fitments.update',
  FitmentsReviewOne: 'fitment.fitments.review-one',
  FitmentsReview: 'fitment.fitments.review',
  /** Vehicles of the approved fitments of catalog products (the search index). */
  FitmentsApprovedVehicles: 'fitment.fitments.approved-vehicles',
  ExportsCreate: 'fitment.exports.create',
  ExportsList: 'fitment.exports.list',
  ExportsGet: 'fitment.exports.get',
  ExportsFile: 'fitment.exports.file',
  VehicleMakes: 'fitment.vehicles.makes',
  VehicleModels: 'fitment.vehicles.models',
  VehiclesSearch: 'fitment.vehicles.search',
  VehiclesImport: 'fitment.vehicles.import',
} as const;

/** Payload and result of each fitment pattern. */
export interface FitmentMessageContracts {
  [FitmentPatterns.AiJobsCreate]: {
    payload: CreateFitmentJobCommand;
    result: AiFitmentJobCreatedDto & { created: boolean };
  };
  [FitmentPatterns.AiJobsList]: { payload: ListFitmentJobsCommand; result: AiFitmentJobListDto };
  [FitmentPatterns.AiJobsGet]: { payload: FitmentJobRefCommand; result: AiFitmentJobDto };
  [FitmentPatterns.AiJobsProgress]: { payload: FitmentJobRefCommand; result: AiFitmentJobProgressDto };
  [FitmentPatterns.AiJobsFitments]: { payload: JobFitmentsCommand; result: JobFitmentsDto };
  [FitmentPatterns.AiJobsBulkReview]: { payload: JobBulkReviewCommand; result: JobReviewResultDto };
  [FitmentPatterns.FitmentsList]: { payload: ListFitmentsCommand; result: Page<FitmentDto> };
  [FitmentPatterns.FitmentsGet]: { payload: FitmentRefCommand; result: FitmentDto };
  [FitmentPatterns.FitmentsUpdate]: { payload: UpdateFitmentCommand; result: FitmentDto };
  [FitmentPatterns.FitmentsReviewOne]: { payload: ReviewOneCommand; result: FitmentDto };
  [FitmentPatterns.FitmentsReview]: { payload: ReviewFitmentsCommand; result: ReviewResultDto };
  [FitmentPatterns.FitmentsApprovedVehicles]: { payload: ApprovedVehiclesCommand; result: ApprovedVehiclesResult };
  [FitmentPatterns.ExportsCreate]: { payload: CreateExportCommand; result: FitmentExportDto };
  [FitmentPatterns.ExportsList]: { payload: ListExportsCommand; result: Page<FitmentExportDto> };
  [FitmentPatterns.ExportsGet]: { payload: ExportRefCommand; result: FitmentExportDto };
  [FitmentPatterns.ExportsFile]: { payload: ExportRefCommand; result: ExportFileRef };
  [FitmentPatterns.VehicleMakes]: { payload: ListVehicleMakesQueryDto; result: VehicleMakeListDto };
  [FitmentPatterns.VehicleModels]: { payload: ListVehicleModelsQueryDto; result: VehicleModelListDto };
  [FitmentPatterns.VehiclesSearch]: { payload: SearchVehiclesQueryDto; result: VehiclePageDto };
  [FitmentPatterns.VehiclesImport]: { payload: ImportVehiclesCommand; result: VehicleImportResultDto };
}
