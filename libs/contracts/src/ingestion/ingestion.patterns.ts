import type { JobRefCommand } from '../jobs/jobs.commands.js';
import type { Page } from '../jobs/page.dto.js';
import type { ConflictDto, ListConflictsCommand, ResolveConflictCommand } from './conflict.dto.js';
import type {
  PreviewCommand,
  PreviewDto,
  ProcessAcceptedDto,
  ProcessCommand,
  CeleryProgressDto,
} from './import-run.dto.js';
import type { ListMappingsQueryDto, MappingDto, SaveMappingDto } from './mapping.dto.js';
import type {
  ListUploadsCommand,
  RegisterUploadCommand,
  StoredFileRef,
  UploadDto,
  UploadRefCommand,
} from './upload.dto.js';

/**
 * Request-reply patterns of uploads and imports (ingestion-service). Wire names: never change one
 * without a migration note.
 */
/**
 * How long the gateway waits for a preview (IngestionPatterns.UploadsPreview), instead of RPC_TIMEOUT_MS: a
 * preview runs the import on up to IMPORT_PREVIEW_MAX_ROWS rows before it answers, seconds on a large file and
 * more while imports run. The service gives up a little earlier, so the caller hears why.
 */
export const PREVIEW_DEADLINE_MS = 60_000;

export const IngestionPatterns = {
  UploadsRegister: 'ingestion.uploads.register',
  UploadsList: 'ingestion.uploads.list',
  UploadsGet: 'ingestion.uploads.get',
  UploadsPreview: 'ingestion.uploads.preview',
  UploadsProcess: 'ingestion.uploads.process',
  UploadsErrorsFile: 'ingestion.uploads.errors-file',
  ConflictsList: 'ingestion.conflicts.list',
  ConflictsResolve: 'ingestion.conflicts.resolve',
  MappingsSave: 'ingestion.mappings.save',
  MappingsList: 'ingestion.mappings.list',
  ImportProgress: 'ingestion.imports.progress',
} as const;

/** Payload and result of each ingestion pattern. */
export interface IngestionMessageContracts {
  [IngestionPatterns.UploadsRegister]: { payload: RegisterUploadCommand; result: UploadDto };
  [IngestionPatterns.UploadsList]: { payload: ListUploadsCommand; result: Page<UploadDto> };
  [IngestionPatterns.UploadsGet]: { payload: UploadRefCommand; result: UploadDto };
  [IngestionPatterns.UploadsPreview]: { payload: PreviewCommand; result: PreviewDto };
  [IngestionPatterns.UploadsProcess]: { payload: ProcessCommand; result: ProcessAcceptedDto };
  [IngestionPatterns.UploadsErrorsFile]: { payload: UploadRefCommand; result: StoredFileRef };
  [IngestionPatterns.ConflictsList]: { payload: ListConflictsCommand; result: Page<ConflictDto> };
  [IngestionPatterns.ConflictsResolve]: { payload: ResolveConflictCommand; result: ConflictDto };
  [IngestionPatterns.MappingsSave]: { payload: SaveMappingDto; result: MappingDto };
  [IngestionPatterns.MappingsList]: { payload: ListMappingsQueryDto; result: { data: MappingDto[] } };
  [IngestionPatterns.ImportProgress]: { payload: JobRefCommand; result: CeleryProgressDto };
}
