import { Injectable } from '@nestjs/common';
import type {
  ColumnMapping,
  ConflictDto,
  ConflictResolution,
  ConflictStatus,
  DetectedMappingDto,
  ImportKind,
  ImportMode,
  ImportProblemDto,
  MappingDto,
  QualityDto,
  RegisterUploadCommand,
  UploadDto,
  UploadFormat,
  UploadStatus,
} from '@torque/contracts';
import type { JobStatus } from '@torque/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Sql } from './pipeline/merge.sql.js';
import type { ImportOutcome } from './pipeline/import-runner.js';

/** A row of `ingestion.uploads`, with the status of its latest job. */
export interface UploadRecord {
  id: string;
  tenant_id: string;
  kind: ImportKind;
  file_name: string;
  format: UploadFormat;
  storage_key: string;
  size_bytes: string;
  sha256: string;
  row_estimate: number | null;
  supplier_code: string | null;
  mode: ImportMode;
  mapping: ColumnMapping | null;
  status: UploadStatus;
  job_id: string | null;
  job_status: JobStatus | null;
  counts: Record<string, number>;
  detected_mapping: DetectedMappingDto | null;
  quality: QualityDto | null;
  problems: ImportProblemDto[];
  warnings: ImportProblemDto[];
  errors_key: string | null;
  error_code: string | null;
  error_message: string | null;
  created_at: Date;
  processed_at: Date | null;
}

interface ConflictRecord {
  id: string;
  upload_id: string;
  entity: ConflictDto['entity'];
  entity_id: string | null;
  entity_key: string;
  field: string;
  existing_value: string | null;
  incoming_value: string | null;
  applied: 'existing' | 'incoming';
  message: string;
  status: ConflictStatus;
  resolution: ConflictResolution | null;
  resolved_at: Date | null;
  resolved_by: string | null;
  created_at: Date;
  tenant_id: string;
}

export type ConflictRow = ConflictRecord;

const SELECT_UPLOAD = `SELECT u.*, j.status AS job_status FROM uploads u LEFT JOIN jobs j ON j.id = u.job_id`;

/** The status people see: an upload whose job ended before it could run (cancelled while queued) shows that end. */
function uploadStatus(row: UploadRecord): UploadStatus {
  if (
    (row.status === 'queued' || row.status === 'processing') &&
    (row.job_status === 'cancelled' || row.job_status === 'failed')
  ) {
    return row.job_status;
  }
  return row.status;
}

export function toUploadDto(row: UploadRecord): UploadDto {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    format: row.format,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    rowEstimate: row.row_estimate,
    supplierCode: row.supplier_code,
    mode: row.mode,
    mapping: row.mapping,
    status: uploadStatus(row),
    jobId: row.job_id,
    counts: row.counts,
    detectedMapping: row.detected_mapping,
    quality: row.quality,
    problems: row.problems,
    warnings: row.warnings,
    errorsAvailable: row.errors_key !== null,
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
    createdAt: row.created_at.toISOString(),
    processedAt: row.processed_at?.toISOString() ?? null,
  };
}

export function toConflictDto(row: ConflictRecord): ConflictDto {
  return {
    id: row.id,
    uploadId: row.upload_id,
    entity: row.entity,
    key: row.entity_key,
    field: row.field,
    existingValue: row.existing_value,
    incomingValue: row.incoming_value,
    applied: row.applied,
    message: row.message,
    status: row.status,
    resolution: row.resolution,
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    resolvedBy: row.resolved_by,
    createdAt: row.created_at.toISOString(),
  };
}

/** All SQL on uploads, saved mappings and conflicts. */
@Injectable()
export class UploadsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Serialises registrations of the same content in a tenant (duplicate check, then insert). */
  async lockContent(em: EntityManager, tenantId: string, sha256: string): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`upload:${tenantId}:${sha256}`]);
  }

  async findBySha(em: EntityManager, tenantId: string, sha256: string): Promise<UploadRecord | null> {
    const rows: UploadRecord[] = await em.query(
      `${SELECT_UPLOAD} WHERE u.tenant_id = $1 AND u.sha256 = $2 ORDER BY u.created_at LIMIT 1`,
      [tenantId, sha256],
    );
    return rows[0] ?? null;
  }

  async insert(
    em: EntityManager,
    tenantId: string,
    createdBy: string | undefined,
    u: RegisterUploadCommand,
  ): Promise<void> {
    await em.query(
      `INSERT INTO uploads (id, tenant_id, kind, file_name, format, storage_key, size_bytes, sha256, row_estimate, supplier_code, mode, mapping, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        u.id,
        tenantId,
        u.kind,
        u.fileName,
        u.format,
        u.storageKey,
        u.sizeBytes,
        u.sha256,
        u.rowEstimate ?? null,
        u.supplierCode ?? null,
        u.mode,
        u.mapping ?? null,
        createdBy ?? null,
      ],
    );
  }

  async find(tenantId: string, id: string): Promise<UploadRecord | null> {
    const rows: UploadRecord[] = await this.dataSource.query(`${SELECT_UPLOAD} WHERE u.id = $1 AND u.tenant_id = $2`, [
      id,
      tenantId,
    ]);
    return rows[0] ?? null;
  }

  async list(tenantId: string, filter: { kind?: ImportKind; status?: UploadStatus }, offset: number, limit: number) {
    const where = ['u.tenant_id = $1'];
    const params: unknown[] = [tenantId];
    if (filter.kind) {
      params.push(filter.kind);
      where.push(`u.kind = $${params.length}`);
    }
    if (filter.status) {
      params.push(filter.status);
      where.push(`u.status = $${params.length}`);
    }
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM uploads u WHERE ${where.join(' AND ')}`,
      params,
    );
    const rows: UploadRecord[] = await this.dataSource.query(
      `${SELECT_UPLOAD} WHERE ${where.join(' AND ')} ORDER BY u.created_at DESC, u.id DESC OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, offset, limit],
    );
    return { rows, total: total as number };
  }

  /** In the transaction that creates the import's job row (the submitter's hook). */
  async markQueued(em: EntityManager, id: string, jobId: string): Promise<void> {
    await em.query(
      `UPDATE uploads SET status = 'queued', job_id = $2, error_code = NULL, error_message = NULL, updated_at = now() WHERE id = $1`,
      [id, jobId],
    );
  }

  async markProcessing(id: string, jobId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE uploads SET status = 'processing', job_id = $2, updated_at = now() WHERE id = $1`,
      [id, jobId],
    );
  }

  /** The outcome of a successful run, written in the import's own transaction (with the catalog changes). */
  async recordCompleted(sql: Sql, id: string, o: ImportOutcome): Promise<void> {
    await sql(
      `UPDATE uploads SET status = 'completed', counts = $2, detected_mapping = $3, quality = $4, problems = $5, warnings = $6,
              errors_key = $7, error_code = NULL, error_message = NULL, processed_at = now(), updated_at = now()
       WHERE id = $1`,
      [id, o.counts, o.mapping, o.quality, JSON.stringify(o.problems), JSON.stringify(o.warnings), o.errorsKey],
    );
  }

  async recordEnded(
    id: string,
    status: 'failed' | 'cancelled',
    error: { code: string; message: string } | null,
    extra: {
      counts?: Record<string, number>;
      problems?: ImportProblemDto[];
      mapping?: DetectedMappingDto;
      errorsKey?: string | null;
    } = {},
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE uploads SET status = $2, error_code = $3, error_message = $4,
              counts = coalesce($5, counts), problems = coalesce($6, problems), detected_mapping = coalesce($7, detected_mapping),
              errors_key = $8, warnings = CASE WHEN $6::jsonb IS NULL THEN warnings ELSE '[]'::jsonb END,
              processed_at = now(), updated_at = now()
       WHERE id = $1`,
      [
        id,
        status,
        error?.code ?? null,
        error?.message ?? null,
        extra.counts ?? null,
        extra.problems ? JSON.stringify(extra.problems) : null,
        extra.mapping ?? null,
        extra.errorsKey ?? null,
      ],
    );
  }

  /** The saved mapping for a supplier, else the tenant's default for the kind. */
  async savedMapping(tenantId: string, kind: ImportKind, supplierCode: string | null): Promise<ColumnMapping | null> {
    const rows: { mapping: ColumnMapping }[] = await this.dataSource.query(
      `SELECT mapping FROM import_mappings WHERE tenant_id = $1 AND kind = $2 AND supplier_code IN ('', $3)
       ORDER BY supplier_code DESC LIMIT 1`,
      [tenantId, kind, supplierCode ?? ''],
    );
    return rows[0]?.mapping ?? null;
  }

  async saveMapping(
    tenantId: string,
    kind: ImportKind,
    supplierCode: string | null,
    mapping: ColumnMapping,
  ): Promise<MappingDto> {
    const rows: { kind: ImportKind; supplier_code: string; mapping: ColumnMapping; updated_at: Date }[] =
      await this.dataSource.query(
        `INSERT INTO import_mappings (tenant_id, kind, supplier_code, mapping) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, kind, supplier_code) DO UPDATE SET mapping = EXCLUDED.mapping, updated_at = now()
       RETURNING kind, supplier_code, mapping, updated_at`,
        [tenantId, kind, supplierCode ?? '', mapping],
      );
    return toMappingDto(rows[0]);
  }

  async listMappings(tenantId: string, kind?: ImportKind, supplierCode?: string): Promise<MappingDto[]> {
    const rows: { kind: ImportKind; supplier_code: string; mapping: ColumnMapping; updated_at: Date }[] =
      await this.dataSource.query(
        `SELECT kind, supplier_code, mapping, updated_at FROM import_mappings
       WHERE tenant_id = $1 AND ($2::text IS NULL OR kind = $2) AND ($3::text IS NULL OR supplier_code = $3)
       ORDER BY kind, supplier_code`,
        [tenantId, kind ?? null, supplierCode ?? null],
      );
    return rows.map(toMappingDto);
  }

  async listConflicts(
    tenantId: string,
    uploadId: string,
    status: ConflictStatus | undefined,
    offset: number,
    limit: number,
  ) {
    const params = [tenantId, uploadId, status ?? null];
    const filter = `tenant_id = $1 AND upload_id = $2 AND ($3::text IS NULL OR status = $3)`;
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM import_conflicts WHERE ${filter}`,
      params,
    );
    const rows: ConflictRecord[] = await this.dataSource.query(
      `SELECT * FROM import_conflicts WHERE ${filter} ORDER BY created_at, entity, entity_key, id OFFSET $4 LIMIT $5`,
      [...params, offset, limit],
    );
    return { rows, total: total as number };
  }

  async lockConflict(em: EntityManager, tenantId: string, id: string): Promise<ConflictRecord | null> {
    const rows: ConflictRecord[] = await em.query(
      `SELECT * FROM import_conflicts WHERE id = $1 AND tenant_id = $2 FOR UPDATE`,
      [id, tenantId],
    );
    return rows[0] ?? null;
  }

  async markResolved(
    em: EntityManager,
    id: string,
    resolution: ConflictResolution,
    by: string | undefined,
  ): Promise<ConflictRecord> {
    // TypeORM answers an UPDATE ... RETURNING with [rows, affected].
    const [rows]: [ConflictRecord[], number] = await em.query(
      `UPDATE import_conflicts
       SET status = 'resolved', resolution = $2::text, resolved_at = now(), resolved_by = $3,
           applied = CASE WHEN $2::text = 'keep_existing' THEN 'existing' ELSE 'incoming' END
       WHERE id = $1 RETURNING *`,
      [id, resolution, by ?? null],
    );
    return rows[0];
  }
}

function toMappingDto(row: {
  kind: ImportKind;
  supplier_code: string;
  mapping: ColumnMapping;
  updated_at: Date;
}): MappingDto {
  return {
    kind: row.kind,
    supplierCode: row.supplier_code || null,
    mapping: row.mapping,
    updatedAt: row.updated_at.toISOString(),
  };
}
