import { Inject, Injectable } from '@nestjs/common';
import {
  IndexerJobNames,
  IndexerQueueNames,
  MAX_METADATA_TAGS,
  MIN_METADATA_TAGS,
  type GenerateMetadataAcceptedDto,
  type MetadataDto,
  type MetadataJobParams,
  type MetadataSubject,
  type RequestMeta,
  type ServiceName,
  type UpdateMetadataDto,
} from '@torque/contracts';
import { JobSubmitterService, SERVICE_NAME, toJobView, UseCaseError, type JobRecord } from '@torque/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { DocumentWriterService } from '../documents/document-writer.service.js';
import { DocumentsRepository } from '../documents/documents.repository.js';
import { ProjectsRepository } from '../projects/projects.repository.js';
import { METADATA_ENV, type MetadataEnv } from './metadata-env.js';
import { contentHash, normalizeSummary, normalizeTags } from './metadata-text.js';
import { MetadataRepository, toMetadataDto } from './metadata.repository.js';

type Meta = Pick<RequestMeta, 'tenantId' | 'correlationId'>;

/** What metadata is generated from: a project's title and content, or a product's search document. */
export interface SubjectText {
  title: string;
  content: string;
  hash: string;
}

const notFound = (subject: MetadataSubject, id: string) =>
  new UseCaseError(404, 'not_found', `${subject === 'project' ? 'Project' : 'Product'} ${id} not found`);

/**
 * Metadata of projects and products: read, a person's edits, and generation (an `indexer.metadata.generate` job
 * unless metadata of the unchanged content exists and no force was asked for).
 */
@Injectable()
export class MetadataService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: MetadataRepository,
    private readonly projects: ProjectsRepository,
    private readonly docs: DocumentsRepository,
    private readonly writer: DocumentWriterService,
    private readonly submitter: JobSubmitterService,
    @Inject(METADATA_ENV) private readonly env: MetadataEnv,
    @Inject(SERVICE_NAME) private readonly service: ServiceName,
  ) {}

  /** The subject's text now, or null when the tenant has no such project or indexed product. */
  async subjectText(tenantId: string, subject: MetadataSubject, id: string): Promise<SubjectText | null> {
    const em = this.dataSource.manager;
    if (subject === 'project') {
      const row = await this.projects.get(em, tenantId, id);
      return row ? { title: row.title, content: row.content, hash: row.content_hash } : null;
    }
    const doc = await this.docs.activeText(em, tenantId, Number(id));
    if (!doc) return null;
    const attributes = Object.entries(doc.attributes).map(([k, v]) => `${k}: ${String(v)}`);
    const content = [doc.description, doc.brand, doc.category, ...attributes].filter((t) => t).join('\n');
    const title = `${doc.name} (${doc.part_number})`;
    return { title, content, hash: contentHash(title, content) };
  }

  /**
   * In `em`'s transaction: whether the subject still exists, a project held until the transaction ends, so that
   * metadata written meanwhile is deleted with it rather than left behind. (A product lives in the catalog: its
   * metadata left behind is the weekly clean-up's.)
   */
  async holdSubject(em: EntityManager, tenantId: string, subject: MetadataSubject, id: string): Promise<boolean> {
    return subject === 'project' ? this.projects.hold(em, tenantId, id) : true;
  }

  async get(meta: Meta, subject: MetadataSubject, id: string): Promise<MetadataDto> {
    if (!(await this.subjectText(meta.tenantId, subject, id))) throw notFound(subject, id);
    const row = await this.repo.get(this.dataSource.manager, meta.tenantId, subject, id);
    if (!row) throw new UseCaseError(404, 'not_found', `${subject} ${id} has no metadata yet`);
    return toMetadataDto(row);
  }

  /**
   * A person's summary and/or tags (null as absent): kept over every later generation (unless one asks to replace
   * them).
   */
  async edit(
    meta: RequestMeta,
    subject: MetadataSubject,
    id: string,
    changes: UpdateMetadataDto,
  ): Promise<MetadataDto> {
    if (changes.summary == null && changes.tags == null)
      throw new UseCaseError(400, 'validation_failed', 'Give summary or tags', {
        summary: ['summary or tags is required'],
      });
    const tags = changes.tags == null ? null : normalizeTags(changes.tags);
    if (tags && tags.length < MIN_METADATA_TAGS)
      throw new UseCaseError(400, 'validation_failed', 'Too few distinct tags', {
        tags: [`tags must hold ${MIN_METADATA_TAGS}-${MAX_METADATA_TAGS} distinct tags once normalized`],
      });
    if (!(await this.subjectText(meta.tenantId, subject, id))) throw notFound(subject, id);
    const summary = changes.summary == null ? null : normalizeSummary(changes.summary);
    const row = await this.repo.saveEdits(
      this.dataSource.manager,
      meta.tenantId,
      subject,
      id,
      { summary, tags },
      meta.userId ?? null,
    );
    if (subject === 'product' && tags) await this.reindexProduct(meta, Number(id));
    return toMetadataDto(row);
  }

  /**
   * Without `force`, the metadata of unchanged content (same hash) is answered at once and no job starts;
   * otherwise a generation job (or the queued or running one of the subject) is answered.
   */
  async generate(
    meta: Meta,
    subject: MetadataSubject,
    id: string,
    opts: { force: boolean; replaceEdits: boolean },
  ): Promise<GenerateMetadataAcceptedDto> {
    if (opts.replaceEdits && !opts.force)
      throw new UseCaseError(400, 'validation_failed', 'replace_edits needs force', {
        replace_edits: ['replace_edits=true needs force=true'],
      });
    const text = await this.subjectText(meta.tenantId, subject, id);
    if (!text) throw notFound(subject, id);
    const existing = await this.repo.get(this.dataSource.manager, meta.tenantId, subject, id);
    const metadata = existing ? toMetadataDto(existing) : null;
    if (!opts.force && existing?.content_hash === text.hash)
      return { status: 'existing', task_id: null, job: null, metadata };
    const row = await this.submit(meta, {
      subject,
      subject_id: id,
      force: opts.force,
      replace_edits: opts.replaceEdits,
      origin: 'request',
    });
    return { status: 'scheduled', task_id: row.id, job: toJobView(this.service, row), metadata };
  }

  /** Submits a generation; a queued or running one of the same subject is answered instead. */
  async submit(meta: Meta, params: MetadataJobParams): Promise<JobRecord> {
    const { row } = await this.submitter.submit({
      meta,
      queue: IndexerQueueNames.Metadata,
      name: IndexerJobNames.IndexerMetadataGenerate,
      params: { ...params },
      dedupeKey: `metadata:${params.subject}:${params.subject_id}`,
      options: {
        attempts: this.env.METADATA_JOB_ATTEMPTS,
        backoff: { type: 'exponential', delay: this.env.METADATA_JOB_RETRY_DELAY_MS },
      },
    });
    return row;
  }

  /** Writes the product's documents again, so that search reads its tags in force. */
  async reindexProduct(meta: Meta, productId: number): Promise<void> {
    await this.writer.refresh(meta, [productId], 'update');
  }
}
