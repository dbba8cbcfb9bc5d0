import { Inject, Injectable } from '@nestjs/common';
import {
  EventNames,
  MAX_FITMENT_PAGE,
  type ApprovedVehiclesResult,
  type FitmentsChangedEvent,
  type FindingDto,
  type FitmentDto,
  type FitmentFilterDto,
  type JobCountsDto,
  type JobFitmentsCommand,
  type JobFitmentsDto,
  type JobReviewResultDto,
  type ListFitmentsCommand,
  type Page,
  type RequestMeta,
  type ReviewAction,
  type ReviewResultDto,
  type ServiceName,
  type UpdateFitmentDto,
} from '@torque/contracts';
import { afterCommit, enqueueEvent, JobNotFoundError, OutboxRelayService, SERVICE_NAME } from '@torque/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { AiJobsRepository, YEAR_WARNING, type AiJobCounts, type AiJobRow } from '../ai-jobs/ai-jobs.repository.js';
import { FitmentError } from '../common/fitment.errors.js';
import { toFitmentDto, type FitmentRow } from '../fitments/fitment-row.js';
import { FitmentsRepository, type FitmentChanges } from '../fitments/fitments.repository.js';
import { JobSettlement } from '../fitments/job-settlement.js';
import { VehicleLookup, type NamedId } from '../vehicles/vehicle-lookup.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UNIQUE_VIOLATION = '23505';

type Target = { ids: string[]; jobId?: string } | { filter: FitmentFilterDto };

/**
 * Review of generated fitments: lists with filters and findings, approve/reject (one, a list, or
 * everything matching a filter) and edits with optimistic revisions. Every status change updates
 * the counts of the jobs concerned in the same transaction, under their counts locks, so the counts
 * stay exact however many reviewers work at once.
 */
@Injectable()
export class ReviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly fitments: FitmentsRepository,
    private readonly aiJobs: AiJobsRepository,
    private readonly settlement: JobSettlement,
    private readonly vehicles: VehicleLookup,
    private readonly relay: OutboxRelayService,
    @Inject(SERVICE_NAME) private readonly service: ServiceName,
  ) {}

  /**
   * `fitment.fitments.changed` for catalog products whose fitments changed status or vehicle, in the caller's
   * transaction (the search index keeps the vehicles of approved fitments); the relay is nudged after the commit.
   */
  private async announce(em: EntityManager, meta: RequestMeta, productIds: number[]): Promise<void> {
    if (productIds.length === 0) return;
    await enqueueEvent<FitmentsChangedEvent>(
      em,
      EventNames.FitmentFitmentsChanged,
      this.service,
      meta.tenantId,
      meta.correlationId,
      { productIds },
    );
    afterCommit(em, () => this.relay.kick());
  }

  /** The legacy API's fitments of a job, with the job's counts and findings. */
  async jobFitments(tenantId: string, cmd: JobFitmentsCommand): Promise<JobFitmentsDto> {
    const em = this.dataSource.manager;
    const job = await this.jobOf(em, tenantId, cmd.job_id);
    const page = cmd.page ?? 1;
    const limit = cmd.limit ?? 1000;
    const { job_id, page: _p, limit: _l, sort, ...filter } = cmd;
    const { rows, total } = await this.fitments.list(
      em,
      tenantId,
      { ...filter, job_id },
      sort,
      (page - 1) * limit,
      limit,
    );
    const findings = await this.findingsOf(em, rows);
    const counts = await this.fitments.jobFindingCounts(em, tenantId, job_id);
    const parts = await this.aiJobs.partFindings(em, job_id, 200);
    return {
      fitments: rows.map((r) => toFitmentDto(r, findings.get(r.id))),
      total_count: job.fitments_count,
      pending_count: job.fitments_count - job.approved_count - job.rejected_count,
      approved_count: job.approved_count,
      rejected_count: job.rejected_count,
      filtered_count: total,
      page,
      limit,
      finding_counts: {
        duplicate: counts.duplicate,
        overlap: counts.overlap,
        years_not_in_catalog: parts.withYearWarnings,
        products_without_fitments: parts.withoutFitments,
      },
      part_findings: parts.rows.flatMap((p) => {
        const productId = p.product_id === null ? null : Number(p.product_id);
        const notes = p.warnings.map((w) => ({
          part_id: p.part_id,
          product_id: productId,
          code: YEAR_WARNING.test(w) ? ('years_not_in_catalog' as const) : ('note' as const),
          message: w,
        }));
        if (p.outcome === 'none' && notes.length === 0)
          notes.push({
            part_id: p.part_id,
            product_id: productId,
            code: 'note',
            message: "No fitment found in the part's text",
          });
        return notes;
      }),
    };
  }

  async list(tenantId: string, cmd: ListFitmentsCommand): Promise<Page<FitmentDto>> {
    const em = this.dataSource.manager;
    const page = cmd.page ?? 1;
    const limit = Math.min(cmd.limit ?? 100, MAX_FITMENT_PAGE);
    const { page: _p, limit: _l, sort, ...filter } = cmd;
    const { rows, total } = await this.fitments.list(em, tenantId, filter, sort, (page - 1) * limit, limit);
    const findings = await this.findingsOf(em, rows);
    return { data: rows.map((r) => toFitmentDto(r, findings.get(r.id))), meta: { page, limit, total } };
  }

  /** Vehicles of the approved fitments of catalog products (what the search index filters by). */
  async approvedVehicles(tenantId: string, productIds: readonly number[]): Promise<ApprovedVehiclesResult> {
    const ids = [...new Set(productIds)];
    return { vehicles: ids.length ? await this.fitments.approvedVehicles(this.dataSource.manager, tenantId, ids) : [] };
  }

  async get(tenantId: string, id: string): Promise<FitmentDto> {
    const row = await this.fitments.findById(this.dataSource.manager, tenantId, id);
    if (!row) throw FitmentError.fitmentNotFound(id);
    return this.dto(this.dataSource.manager, row);
  }

  /** Approve or reject a list of fitments or every fitment matching a filter. */
  async review(
    meta: RequestMeta,
    action: ReviewAction,
    fitmentIds: string[] | undefined,
    filter: FitmentFilterDto | undefined,
  ): Promise<ReviewResultDto> {
    if (fitmentIds !== undefined && filter !== undefined)
      throw FitmentError.badRequest('Give fitment_ids or filter, not both');
    if (filter !== undefined) return this.apply(meta, action, { filter });
    return this.apply(meta, action, { ids: fitmentIds ?? [] });
  }

  /** The legacy API's bulk-approve / bulk-reject: fitments of one job; ids of other jobs count as not found. */
  async jobBulkReview(
    meta: RequestMeta,
    jobId: string,
    action: ReviewAction,
    fitmentIds: string[],
  ): Promise<JobReviewResultDto> {
    await this.jobOf(this.dataSource.manager, meta.tenantId, jobId);
    const result = await this.apply(meta, action, { ids: fitmentIds, jobId });
    const job = await this.aiJobs.find(this.dataSource.manager, jobId, meta.tenantId);
    if (!job) throw new JobNotFoundError(jobId);
    return {
      ...result,
      total_count: job.fitments_count,
      pending_count: job.fitments_count - job.approved_count - job.rejected_count,
      approved_count: job.approved_count,
      rejected_count: job.rejected_count,
      job_status: job.status,
    };
  }

  /** Approve or reject one fitment; with a revision, a fitment changed since then answers 409. */
  async reviewOne(
    meta: RequestMeta,
    id: string,
    action: ReviewAction,
    revision: number | undefined,
  ): Promise<FitmentDto> {
    const row = await this.fitments.findById(this.dataSource.manager, meta.tenantId, id);
    if (!row) throw FitmentError.fitmentNotFound(id);
    await this.apply(meta, action, { ids: [id] }, (current) => {
      if (revision !== undefined && current.revision !== revision)
        throw FitmentError.staleRevision(id, revision, current.revision);
    });
    return this.get(meta.tenantId, id);
  }

  /** Edits submodel, engine, qty, position or notes when the fitment is still at the given revision. */
  async update(meta: RequestMeta, id: string, changes: UpdateFitmentDto): Promise<FitmentDto> {
    try {
      const row = await this.dataSource.transaction(async (em) => {
        const current = await this.fitments.findById(em, meta.tenantId, id, { forUpdate: true });
        if (!current) throw FitmentError.fitmentNotFound(id);
        if (current.revision !== changes.revision)
          throw FitmentError.staleRevision(id, changes.revision, current.revision);
        const resolved = await this.resolveVehicle(em, current, changes);
        const updated = await this.fitments.update(em, meta.tenantId, id, changes.revision, {
          ...resolved,
          qty: changes.qty,
          position: changes.position?.trim(),
          notes: changes.notes,
        });
        if (!updated) throw FitmentError.staleRevision(id, changes.revision, current.revision + 1);
        if (updated.status === 'approved' && updated.product_id !== null)
          await this.announce(em, meta, [Number(updated.product_id)]);
        return updated;
      });
      return this.dto(this.dataSource.manager, row);
    } catch (err) {
      if ((err as { code?: string }).code === UNIQUE_VIOLATION) {
        throw FitmentError.conflict('Another fitment of this part in the same job already names that vehicle', {
          submodel: ['the part already has a fitment for this submodel and engine in this job'],
        });
      }
      throw err;
    }
  }

  /** The tenant's AI fitment job, or JobNotFoundError. */
  private async jobOf(em: EntityManager, tenantId: string, jobId: string): Promise<AiJobRow> {
    const job = await this.aiJobs.find(em, jobId, tenantId);
    if (!job) throw new JobNotFoundError(jobId);
    return job;
  }

  private async apply(
    meta: RequestMeta,
    action: ReviewAction,
    target: Target,
    check?: (row: FitmentRow) => void,
  ): Promise<ReviewResultDto> {
    const status = action === 'approve' ? 'approved' : 'rejected';
    const askedIds = 'ids' in target ? [...new Set(target.ids)] : [];
    const validIds = askedIds.filter((id) => UUID.test(id));
    const effective: Target = 'ids' in target ? { ...target, ids: validIds } : target;
    return this.dataSource.transaction(async (em) => {
      // Counts locks first, in job id order: reviews of a job serialize here, never deadlock on fitment rows.
      const jobIds =
        'ids' in effective && effective.ids.length === 0
          ? []
          : await this.fitments.jobsOf(em, meta.tenantId, effective);
      const counts = new Map<string, AiJobCounts>();
      for (const jobId of jobIds) {
        const c = await this.aiJobs.lockCounts(em, jobId);
        if (c) counts.set(jobId, c);
      }
      if (check && 'ids' in effective) {
        for (const id of effective.ids) {
          const row = await this.fitments.findById(em, meta.tenantId, id, { forUpdate: true });
          if (row) check(row);
        }
      }
      const changed =
        'ids' in effective && effective.ids.length === 0
          ? { changes: [], foundIds: [], found: 0, productIds: [] }
          : await this.fitments.setStatus(em, meta.tenantId, effective, status, meta.userId ?? null, jobIds);
      await this.announce(em, meta, changed.productIds);
      const deltas = new Map<string, { approved: number; rejected: number }>();
      let updated = 0;
      for (const ch of changed.changes) {
        updated += ch.n;
        if (!ch.job_id) continue;
        const d = deltas.get(ch.job_id) ?? { approved: 0, rejected: 0 };
        if (ch.old_status === 'approved') d.approved -= ch.n;
        if (ch.old_status === 'rejected') d.rejected -= ch.n;
        d[status] += ch.n;
        deltas.set(ch.job_id, d);
      }
      for (const [jobId, d] of deltas) counts.set(jobId, await this.aiJobs.addCounts(em, jobId, d));
      const statusOf = await this.settlement.afterReview(em, counts);
      const jobs: JobCountsDto[] = [...counts].map(([jobId, c]) => ({
        job_id: jobId,
        status: statusOf.get(jobId) ?? 'completed',
        total_count: c.fitments_count,
        pending_count: c.fitments_count - c.approved_count - c.rejected_count,
        approved_count: c.approved_count,
        rejected_count: c.rejected_count,
      }));
      const found = new Set(changed.foundIds ?? []);
      const result: ReviewResultDto = {
        message: `${updated} fitment${updated === 1 ? '' : 's'} ${status}`,
        action,
        updated_count: updated,
        unchanged_count: changed.found - updated,
        not_found_ids: 'ids' in target ? askedIds.filter((id) => !found.has(id.toLowerCase())) : [],
        jobs,
      };
      return result;
    });
  }

  /** Catalog ids of an edited submodel and engine: names the base vehicle has, or 400 naming the choices. */
  private async resolveVehicle(
    em: EntityManager,
    current: FitmentRow,
    changes: UpdateFitmentDto,
  ): Promise<FitmentChanges> {
    if (changes.submodel === undefined && changes.engine === undefined) return {};
    const vehicle = `${current.year} ${current.make} ${current.model}`;
    let submodel: NamedId | null =
      current.submodel_id !== null ? { id: current.submodel_id, name: current.submodel } : null;
    if (changes.submodel !== undefined) {
      const wanted = (changes.submodel ?? '').trim();
      if (!wanted) submodel = null;
      else {
        const options = await this.vehicles.submodelsOf(em, current.base_vehicle_id);
        submodel = options.find((o) => o.name.toLowerCase() === wanted.toLowerCase()) ?? null;
        if (!submodel) {
          const message = `The ${vehicle} has no submodel "${wanted}" in the vehicle catalog; it has ${options.map((o) => o.name).join(', ') || 'none'}`;
          throw FitmentError.badRequest(message, { submodel: [message] });
        }
      }
    }
    let engine: NamedId | null = current.engine_id !== null ? { id: current.engine_id, name: current.engine } : null;
    if (changes.engine !== undefined) {
      const wanted = (changes.engine ?? '').trim();
      engine = null;
      if (wanted) {
        const options = await this.vehicles.enginesOf(em, current.base_vehicle_id, submodel?.id ?? null);
        engine = options.find((o) => o.name.toLowerCase() === wanted.toLowerCase()) ?? null;
        if (!engine) {
          const message = `The ${vehicle}${submodel ? ` ${submodel.name}` : ''} has no engine "${wanted}" in the vehicle catalog; it has ${options.map((o) => o.name).join(', ') || 'none'}`;
          throw FitmentError.badRequest(message, { engine: [message] });
        }
      }
    }
    let vehicleId: number | null = null;
    if (submodel && engine) {
      vehicleId = await this.vehicles.vehicleId(em, current.base_vehicle_id, submodel.id, engine.id);
      if (vehicleId === null) {
        const message = `The vehicle catalog has no ${vehicle} ${submodel.name} with the ${engine.name} engine`;
        throw FitmentError.badRequest(message, { engine: [message] });
      }
    }
    return {
      submodelId: submodel?.id ?? null,
      submodel: submodel?.name ?? '',
      engineId: engine?.id ?? null,
      engine: engine?.name ?? '',
      vehicleId,
    };
  }

  private async dto(em: EntityManager, row: FitmentRow): Promise<FitmentDto> {
    const findings = await this.findingsOf(em, [row]);
    return toFitmentDto(row, findings.get(row.id));
  }

  /** Findings of each fitment: live duplicates and overlaps of its part, and what the engine noted about the part. */
  private async findingsOf(em: EntityManager, rows: FitmentRow[]): Promise<Map<string, FindingDto[]>> {
    const out = new Map<string, FindingDto[]>();
    if (rows.length === 0) return out;
    const ids = rows.map((r) => r.id);
    const push = (id: string, f: FindingDto) => out.set(id, [...(out.get(id) ?? []), f]);
    const grouped = new Map<string, { same: string[]; overlap: string[] }>();
    for (const o of await this.fitments.overlaps(em, ids)) {
      const g = grouped.get(o.id) ?? { same: [], overlap: [] };
      (o.same ? g.same : g.overlap).push(o.other_id);
      grouped.set(o.id, g);
    }
    for (const [id, g] of grouped) {
      if (g.same.length) {
        push(id, {
          code: 'duplicate',
          message: `${g.same.length} other live fitment(s) of the same part name the same vehicle`,
          fitment_ids: g.same,
        });
      }
      if (g.overlap.length) {
        push(id, {
          code: 'overlap',
          message: `${g.overlap.length} other live fitment(s) of the same part cover some of the same configurations of this base vehicle`,
          fitment_ids: g.overlap,
        });
      }
    }
    for (const w of await this.aiJobs.warningsOf(em, ids)) {
      for (const message of w.warnings)
        push(w.id, { code: YEAR_WARNING.test(message) ? 'years_not_in_catalog' : 'note', message, fitment_ids: [] });
    }
    return out;
  }
}
