import type { CatalogIndex, ModelInfo, VehicleInfo } from './catalog-index.js';
import { engineMatches, type EngineMention } from './engine-mentions.js';
import type { FitmentCandidate } from './fitment-engine.types.js';
import { reasonsOf } from './fitment-explanations.js';
import { clamp, confidenceOf, round } from './fitment-scoring.js';
import type { Exclusion, ModelOption, Statement } from './fitment-statements.js';
import type { FieldName } from './product-text.js';
import { describeYears } from './year-expressions.js';

/**
 * Resolves statements against the vehicle catalog: the model years that exist, narrowed to the
 * trims and engines stated, less what was excluded; one candidate per base vehicle or configuration,
 * with its confidence and reasoning. Flags years the catalog does not have.
 */
export class VehicleResolver {
  constructor(private readonly index: CatalogIndex) {}

  resolve(statements: Statement[], exclusions: Exclusion[], warnings: string[]): FitmentCandidate[] {
    const withYears = new Set<number>();
    for (const st of statements)
      if (st.yearsVia !== 'none') for (const o of st.model.options) withYears.add(o.model.id);
    const byKey = new Map<string, FitmentCandidate & { field: FieldName }>();
    for (const st of statements) {
      if (st.yearsVia === 'none') {
        // no years stated: proposing every year would be a guess; the reviewer hears about it instead
        if (!st.model.options.every((o) => withYears.has(o.model.id))) {
          const names = [...new Set(st.model.options.map((o) => `${o.model.make.name} ${o.model.name}`))].join(' or ');
          warnings.push(`${names}: named without model years ("${st.snippet}"); no fitment proposed.`);
        }
        continue;
      }
      for (const c of this.resolveStatement(st, exclusions, warnings)) {
        const key = `${c.baseVehicleId}:${c.submodelId ?? ''}:${c.engineId ?? ''}`;
        const seen = byKey.get(key);
        if (!seen) {
          byKey.set(key, c);
        } else if (seen.field !== c.field) {
          const best = c.confidence > seen.confidence ? c : seen;
          best.confidence = round(Math.min(0.99, best.confidence + 0.02));
          best.reasoning += ` Also stated in the ${best === c ? seen.field : c.field}.`;
          byKey.set(key, best);
        } else if (c.confidence > seen.confidence) {
          byKey.set(key, c);
        }
      }
    }
    // a configuration-level fitment makes the base-level one for the same vehicle redundant
    const specific = new Set<number>();
    for (const c of byKey.values())
      if (c.submodelId !== undefined || c.engineId !== undefined) specific.add(c.baseVehicleId);
    const out: FitmentCandidate[] = [];
    for (const c of byKey.values()) {
      if (c.submodelId === undefined && c.engineId === undefined && specific.has(c.baseVehicleId)) continue;
      const { field: _field, ...candidate } = c;
      out.push(candidate);
    }
    return out.sort(
      (a, b) =>
        a.make.localeCompare(b.make) ||
        a.model.localeCompare(b.model) ||
        a.year - b.year ||
        (a.submodel ?? '').localeCompare(b.submodel ?? '') ||
        (a.engine ?? '').localeCompare(b.engine ?? ''),
    );
  }

  private resolveStatement(
    st: Statement,
    exclusions: Exclusion[],
    warnings: string[],
  ): Array<FitmentCandidate & { field: FieldName }> {
    const m = st.model;
    // years asked for, per model reading
    const perOption = m.options.map((o) => {
      const requested = this.requestedYears(st, o.model);
      const existing = requested.filter((y) => {
        const base = o.model.bases.get(y);
        return (
          !!base && (!o.impliedSubmodelIds || base.vehicles.some((v) => o.impliedSubmodelIds!.includes(v.submodelId)))
        );
      });
      return { option: o, requested, existing };
    });
    // a former trim ("WRX" of the Impreza) stands in only for years the named model was not sold
    const primaryYears = new Set(perOption.filter((p) => p.option.via !== 'lineage').flatMap((p) => p.existing));
    for (const p of perOption)
      if (p.option.via === 'lineage') p.existing = p.existing.filter((y) => !primaryYears.has(y));
    const requestedAll = [...new Set(perOption.flatMap((p) => p.requested))].sort((a, b) => a - b);
    const existingAll = new Set(perOption.flatMap((p) => p.existing));
    const label =
      m.options.length === 1 || new Set(m.options.map((o) => o.model.make.id)).size === 1
        ? `${m.options[0].model.make.name} ${m.options[0].model.name}`
        : `"${m.text}"`;
    const flags: string[] = [];
    if (st.yearsVia === 'stated' || st.yearsVia === 'inherited') {
      const missing = requestedAll.filter((y) => !existingAll.has(y));
      const outside = missing.filter((y) => y < this.index.minYear || y > this.index.maxYear);
      const inside = missing.filter((y) => y >= this.index.minYear && y <= this.index.maxYear);
      if (inside.length)
        flags.push(
          `${describeYears(inside)} ${inside.length > 1 ? 'do' : 'does'} not exist for ${label} (not sold ${inside.length > 1 ? 'those years' : 'that year'}).`,
        );
      if (outside.length)
        flags.push(
          `${describeYears(outside)} ${outside.length > 1 ? 'are' : 'is'} outside the catalog's years (${this.index.minYear}-${this.index.maxYear}).`,
        );
    }
    for (const f of flags) warnings.push(`${label}: ${f}`);
    const live = perOption.filter((p) => p.existing.length > 0);
    if (live.length === 0) return [];
    // several makes read for one name with no make in the text: a guess, say so
    const yearsOwners = new Map<number, number>();
    for (const p of live) for (const y of p.existing) yearsOwners.set(y, (yearsOwners.get(y) ?? 0) + 1);
    const out: Array<FitmentCandidate & { field: FieldName }> = [];
    for (const p of live) {
      const base = confidenceOf(st, p.option);
      const reasons = reasonsOf(st, p.option, p.requested);
      const ambiguousMakes = [...new Set(live.map((l) => l.option.model.make.name))];
      for (const year of p.existing) {
        let confidence = base;
        let reasoning = reasons;
        if ((yearsOwners.get(year) ?? 0) > 1 && !m.makeItem) {
          confidence -= 0.3;
          reasoning += ` The name is shared by ${ambiguousMakes.join(' and ')} models and no make is given.`;
        }
        if (flags.length) {
          confidence -= 0.04;
          reasoning += ` ${flags.join(' ')}`;
        }
        out.push(...this.candidatesFor(st, p.option, year, confidence, reasoning, exclusions, warnings));
      }
    }
    return out;
  }

  private requestedYears(st: Statement, model: ModelInfo): number[] {
    if (st.yearsVia === 'tag') return st.tagYears ?? [];
    if (!st.years) return model.years;
    const first = model.years[0] ?? this.index.minYear;
    const last = model.years[model.years.length - 1] ?? this.index.maxYear;
    const years = new Set<number>();
    for (const span of st.years.spans) {
      const from = span.from ?? Math.min(first, span.to ?? first);
      const to = span.to ?? Math.max(last, span.from ?? last);
      for (let y = from; y <= to; y++) years.add(y);
    }
    return [...years].sort((a, b) => a - b);
  }

  /** Candidates for one model year: base level, or per trim/engine when the text narrows it. */
  private candidatesFor(
    st: Statement,
    option: ModelOption,
    year: number,
    confidence: number,
    reasoning: string,
    exclusions: Exclusion[],
    warnings: string[],
  ): Array<FitmentCandidate & { field: FieldName }> {
    const model = option.model;
    const base = model.bases.get(year)!;
    let vehicles = base.vehicles;
    let bySubmodel = false;
    let byEngine = false;
    const wanted = new Set<number>([...(st.submodels.get(model.id) ?? []), ...(option.impliedSubmodelIds ?? [])]);
    if (wanted.size > 0) {
      const narrowed = vehicles.filter((v) => wanted.has(v.submodelId));
      if (narrowed.length === 0) {
        if (this.trimsExistSomeYear(model, wanted)) return [];
        warnings.push(
          `${model.make.name} ${model.name}: trim ${st.submodelText.join(', ')} not found in the catalog; not narrowed.`,
        );
      } else {
        vehicles = narrowed;
        bySubmodel = true;
      }
    }
    if (st.engines.length > 0) {
      const narrowed = vehicles.filter((v) =>
        st.engines.some((e) => engineMatches(e, this.index.engines.get(v.engineId)!)),
      );
      if (narrowed.length > 0) {
        vehicles = narrowed;
        byEngine = true;
      } else if (st.engines.some((e) => e.strong) && this.engineExistsSomeYear(model, st.engines)) {
        return [];
      } else {
        warnings.push(
          `${model.make.name} ${model.name}: engine ${st.engines.map((e) => e.text).join(', ')} not found in the catalog; not narrowed.`,
        );
      }
    }
    let excludedNote = '';
    for (const ex of exclusions) {
      if (ex.models && !ex.models.has(model.id)) continue;
      if (
        ex.years &&
        !ex.years.some((y) => this.requestedYears({ ...st, years: y, yearsVia: 'stated' }, model).includes(year))
      )
        continue;
      const trims = new Set<number>();
      for (const key of ex.submodelKeys) for (const id of model.submodelKeys.get(key) ?? []) trims.add(id);
      if (trims.size === 0 && ex.engines.length === 0) {
        if (ex.models || ex.years) return [];
        continue;
      }
      const kept = vehicles.filter(
        (v) =>
          !trims.has(v.submodelId) && !ex.engines.some((e) => engineMatches(e, this.index.engines.get(v.engineId)!)),
      );
      if (kept.length === vehicles.length) continue;
      if (kept.length === 0) return [];
      vehicles = kept;
      if (trims.size > 0) bySubmodel = true;
      else byEngine = true;
      excludedNote = ` Excluded as stated: "${ex.text}".`;
    }
    const groups = new Map<string, VehicleInfo[]>();
    for (const v of vehicles) {
      const key = `${bySubmodel ? v.submodelId : ''}:${byEngine ? v.engineId : ''}`;
      groups.set(key, [...(groups.get(key) ?? []), v]);
    }
    const out: Array<FitmentCandidate & { field: FieldName }> = [];
    for (const group of groups.values()) {
      const v = group[0];
      const c: FitmentCandidate & { field: FieldName } = {
        baseVehicleId: base.id,
        year,
        makeId: model.make.id,
        make: model.make.name,
        modelId: model.id,
        model: model.name,
        confidence: 0,
        reasoning: reasoning + excludedNote,
        source: 'text',
        field: st.field,
      };
      let bonus = 0;
      if (bySubmodel) {
        c.submodelId = v.submodelId;
        c.submodel = this.index.submodelNames.get(v.submodelId);
        bonus += 0.01;
      }
      if (byEngine) {
        c.engineId = v.engineId;
        c.engine = this.index.engines.get(v.engineId)?.name;
        bonus += 0.01;
        c.reasoning += ` Engine ${c.engine} matches "${st.engines.map((e) => e.text).join(', ')}".`;
      }
      if (group.length === 1 && (bySubmodel || byEngine)) {
        c.vehicleId = v.id;
        if (!byEngine) c.engine = this.index.engines.get(v.engineId)?.name;
        if (!bySubmodel) c.submodel = this.index.submodelNames.get(v.submodelId);
      }
      c.confidence = round(clamp(confidence + bonus));
      out.push(c);
    }
    return out;
  }

  private trimsExistSomeYear(model: ModelInfo, trims: Set<number>): boolean {
    for (const base of model.bases.values()) if (base.vehicles.some((v) => trims.has(v.submodelId))) return true;
    return false;
  }

  private engineExistsSomeYear(model: ModelInfo, engines: EngineMention[]): boolean {
    for (const base of model.bases.values()) {
      if (base.vehicles.some((v) => engines.some((e) => engineMatches(e, this.index.engines.get(v.engineId)!))))
        return true;
    }
    return false;
  }
}
