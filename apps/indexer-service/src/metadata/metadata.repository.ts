import type { MetadataDto, MetadataSubject } from '@torque/contracts';
import type { EntityManager } from 'typeorm';

export interface MetadataRow {
  tenant_id: string;
  subject: MetadataSubject;
  subject_id: string;
  summary: string | null;
  tags: string[];
  provider: string | null;
  model: string | null;
  content_hash: string | null;
  content_chars: number | null;
  tokens_prompt: number;
  tokens_completion: number;
  generated_at: Date | null;
  edited_summary: string | null;
  edited_tags: string[] | null;
  edited_at: Date | null;
  edited_by: string | null;
}

/** What one generation writes. */
export interface GeneratedRow {
  summary: string;
  tags: string[];
  provider: string;
  model: string;
  content_hash: string;
  content_chars: number;
  tokens_prompt: number;
  tokens_completion: number;
}

export function toMetadataDto(row: MetadataRow): MetadataDto {
  const edited = row.edited_summary !== null || row.edited_tags !== null;
  return {
    subject: row.subject,
    subject_id: row.subject_id,
    summary: row.edited_summary ?? row.summary,
    tags: row.edited_tags ?? row.tags,
    edited,
    suggestion: edited && row.summary !== null ? { summary: row.summary, tags: row.tags } : null,
    provider: row.provider,
    model: row.model,
    content_hash: row.content_hash,
    tokens_used: {
      prompt: row.tokens_prompt,
      completion: row.tokens_completion,
      total: row.tokens_prompt + row.tokens_completion,
    },
    generated_at: row.generated_at?.toISOString() ?? null,
    edited_at: row.edited_at?.toISOString() ?? null,
    edited_by: row.edited_by,
  };
}

/** All SQL on metadata. The tenant is in every WHERE but the system-wide clean-up's. */
export class MetadataRepository {
  async get(
    em: EntityManager,
    tenantId: string,
    subject: MetadataSubject,
    subjectId: string,
    opts: { forUpdate?: boolean } = {},
  ): Promise<MetadataRow | null> {
    const rows: MetadataRow[] = await em.query(
      `SELECT * FROM metadata WHERE tenant_id = $1 AND subject = $2 AND subject_id = $3${opts.forUpdate ? ' FOR UPDATE' : ''}`,
      [tenantId, subject, subjectId],
    );
    return rows[0] ?? null;
  }

  /**
   * Stores a generation. A person's edits stay as they are (the generation becomes the suggestion beside them)
   * unless `replaceEdits`.
   */
  async saveGenerated(
    em: EntityManager,
    tenantId: string,
    subject: MetadataSubject,
    subjectId: string,
    g: GeneratedRow,
    replaceEdits: boolean,
  ): Promise<MetadataRow> {
    const rows: MetadataRow[] = await em.query(
      `INSERT INTO metadata (tenant_id, subject, subject_id, summary, tags, provider, model, content_hash,
                             content_chars, tokens_prompt, tokens_completion, generated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now())
       ON CONFLICT (tenant_id, subject, subject_id) DO UPDATE SET
         summary = EXCLUDED.summary, tags = EXCLUDED.tags, provider = EXCLUDED.provider, model = EXCLUDED.model,
         content_hash = EXCLUDED.content_hash, content_chars = EXCLUDED.content_chars,
         tokens_prompt = EXCLUDED.tokens_prompt, tokens_completion = EXCLUDED.tokens_completion,
         generated_at = EXCLUDED.generated_at,
         edited_summary = CASE WHEN $12 THEN NULL ELSE metadata.edited_summary END,
         edited_tags = CASE WHEN $12 THEN NULL ELSE metadata.edited_tags END,
         edited_at = CASE WHEN $12 THEN NULL ELSE metadata.edited_at END,
         edited_by = CASE WHEN $12 THEN NULL ELSE metadata.edited_by END
       RETURNING *`,
      [
        tenantId,
        subject,
        subjectId,
        g.summary,
        g.tags,
        g.provider,
        g.model,
        g.content_hash,
        g.content_chars,
        g.tokens_prompt,
        g.tokens_completion,
        replaceEdits,
      ],
    );
    return rows[0];
  }

  /** A person's summary and/or tags (null leaves that one as it is). */
  async saveEdits(
    em: EntityManager,
    tenantId: string,
    subject: MetadataSubject,
    subjectId: string,
    edits: { summary: string | null; tags: string[] | null },
    userId: string | null,
  ): Promise<MetadataRow> {
    const rows: MetadataRow[] = await em.query(
      `INSERT INTO metadata (tenant_id, subject, subject_id, edited_summary, edited_tags, edited_at, edited_by)
       VALUES ($1, $2, $3, $4, $5, now(), $6)
       ON CONFLICT (tenant_id, subject, subject_id) DO UPDATE SET
         edited_summary = coalesce(EXCLUDED.edited_summary, metadata.edited_summary),
         edited_tags = coalesce(EXCLUDED.edited_tags, metadata.edited_tags),
         edited_at = now(), edited_by = EXCLUDED.edited_by
       RETURNING *`,
      [tenantId, subject, subjectId, edits.summary, edits.tags, userId],
    );
    return rows[0];
  }

  /** Every tenant's metadata whose project or product (no search document in any generation) is gone. */
  async deleteOrphaned(em: EntityManager): Promise<number> {
    // TypeORM answers a DELETE with [rows, affected]
    const [, deleted]: [unknown, number] = await em.query(
      `DELETE FROM metadata m
        WHERE (m.subject = 'project'
               AND NOT EXISTS (SELECT 1 FROM projects p WHERE p.tenant_id = m.tenant_id AND p.id::text = m.subject_id))
           OR (m.subject = 'product'
               AND NOT EXISTS (SELECT 1 FROM search_documents d
                                WHERE d.tenant_id = m.tenant_id AND d.product_id::text = m.subject_id))`,
    );
    return deleted;
  }

  /** Every tenant's generated metadata of drafts unchanged for `days` that no person edited. */
  async deleteOfOldDrafts(em: EntityManager, days: number): Promise<number> {
    const [, deleted]: [unknown, number] = await em.query(
      `DELETE FROM metadata m USING projects p
        WHERE m.subject = 'project' AND p.tenant_id = m.tenant_id AND p.id::text = m.subject_id
          AND p.status = 'draft' AND p.updated_at < now() - make_interval(days => $1)
          AND m.edited_summary IS NULL AND m.edited_tags IS NULL`,
      [days],
    );
    return deleted;
  }
}
