import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import {
  MAX_SEARCH_QUERY_LENGTH,
  type AssistantAnswerCommand,
  type AssistantAnswerDto,
  type AssistantSourceDto,
  type SearchHitDto,
} from '@torque/contracts';
import { DataSource } from 'typeorm';
import { INDEXER_ENV, type IndexerEnv } from '../common/indexer-env.js';
import { SearchService } from '../search/search.service.js';
import { AssistantRepository } from './assistant.repository.js';
import { ASSISTANT_CHAT, type AssistantChatProvider, type ChatProduct } from './chat-provider.js';
import { checkCitations } from './citations.js';
import { choosePassage } from './passage.js';
import { extractVehicle, questionTerms, searchTextOf, type KnownVehicle } from './question.js';

/** Products an answer retrieves when the request names no limit. */
export const DEFAULT_ASSISTANT_LIMIT = 5;

/**
 * Answers questions from the index: retrieves products with the product search (hybrid when a semantic ranker is
 * configured), with the vehicle the question names as a filter, chooses each product's passage, and, when a chat
 * provider is configured, asks it for a short answer citing only those products. Whatever the provider does
 * (fails, hangs, cites products not retrieved), the caller gets an answer: the retrieved list, with a warning.
 */
@Injectable()
export class AssistantService {
  private readonly logger = new Logger(AssistantService.name);
  private readonly vehicles = new Map<string, { at: number; list: KnownVehicle[] }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: AssistantRepository,
    private readonly search: SearchService,
    @Inject(INDEXER_ENV) private readonly env: IndexerEnv,
    @Optional() @Inject(ASSISTANT_CHAT) private readonly chat: AssistantChatProvider | null,
  ) {}

  async answer(tenantId: string, cmd: AssistantAnswerCommand): Promise<AssistantAnswerDto> {
    const f = cmd.filters ?? {};
    const named = f.year === undefined && f.make === undefined && f.model === undefined && f.submodel === undefined;
    const vehicle = named ? extractVehicle(cmd.question, await this.knownVehicles(tenantId)) : null;
    const q = searchTextOf(cmd.question, vehicle, MAX_SEARCH_QUERY_LENGTH);
    const result = await this.search.search(tenantId, {
      q,
      page: 1,
      limit: cmd.limit ?? DEFAULT_ASSISTANT_LIMIT,
      brand: f.brand,
      category: f.category,
      price_min: f.price_min,
      price_max: f.price_max,
      year: vehicle ? (vehicle.year ?? undefined) : f.year,
      make: vehicle ? vehicle.make : f.make,
      model: vehicle ? (vehicle.model ?? undefined) : f.model,
      submodel: vehicle ? undefined : f.submodel,
    });
    const terms = questionTerms(cmd.question);
    const sources: AssistantSourceDto[] = result.data.map((hit) => ({
      product: hit,
      passage: choosePassage(hit, terms),
    }));
    const base: AssistantAnswerDto = {
      mode: 'retrieval',
      answer: null,
      cited: [],
      sources,
      provider: null,
      model: null,
      vehicle,
    };
    if (!this.chat) return base;
    if (sources.length === 0) return { ...base, warning: 'no products matched the question; no answer was generated' };
    try {
      const raw = await this.chat.answer(
        cmd.question,
        sources.map((s) => chatProduct(s.product, this.env.ASSISTANT_CHAT_PRODUCT_CHARS)),
      );
      const checked = checkCitations(
        raw.answer,
        raw.cited,
        sources.map((s) => s.product.part_number),
      );
      const strippedNote =
        checked.stripped.length > 0
          ? `citations of products not retrieved were removed: ${checked.stripped.slice(0, 10).join(', ')}`
          : undefined;
      if (checked.cited.length === 0 || !checked.answer)
        return {
          ...base,
          warning: `the chat model's answer cited none of the retrieved products${strippedNote ? ` (${strippedNote})` : ''}; the retrieved products are the answer`,
        };
      return {
        ...base,
        mode: 'generated',
        answer: checked.answer,
        cited: checked.cited,
        provider: this.chat.provider,
        model: this.chat.model,
        ...(strippedNote ? { warning: strippedNote } : {}),
      };
    } catch (err) {
      this.logger.warn(`chat provider failed, answering with the retrieved products: ${(err as Error).message}`);
      return {
        ...base,
        warning: `the chat provider failed (${(err as Error).message.slice(0, 200)}); the retrieved products are the answer`,
      };
    }
  }

  private async knownVehicles(tenantId: string): Promise<KnownVehicle[]> {
    const cached = this.vehicles.get(tenantId);
    if (cached && Date.now() - cached.at < this.env.ASSISTANT_VEHICLES_CACHE_MS) return cached.list;
    const list = await this.repo.knownVehicles(this.dataSource, tenantId);
    if (this.vehicles.size > 1000) this.vehicles.clear();
    this.vehicles.set(tenantId, { at: Date.now(), list });
    return list;
  }
}

/** What the chat model gets of a product: its retrieved text only, truncated to `max` characters. */
export function chatProduct(hit: SearchHitDto, max: number): ChatProduct {
  const attributes = Object.entries(hit.attributes ?? {})
    .filter(([, v]) => v !== null && typeof v !== 'object')
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join('; ');
  const text = [hit.description, attributes].filter(Boolean).join('\n');
  return {
    part_number: hit.part_number,
    name: hit.name.slice(0, max),
    brand: hit.brand,
    category: hit.category,
    text: text.slice(0, max),
  };
}
