/** Reads of claims and batches, always scoped to the caller's organisation (another org's id is a 404). */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, NotFoundError } from '../../common/errors/domain-error';
import { isUuid } from '../../common/ids';
import { buildClaimJourney, loadClaimSends, type ClaimJourney } from '../acknowledgments/claim-journey';
import { BatchesRepository, type BatchView } from '../batches/batches.repository';
import { decodeCursor, encodeCursor } from './claim-cursor';
import type { ClaimStatus } from './claim-status';
import {
  ClaimStatusEventsRepository,
  type StatusEventView,
} from './repositories/claim-status-events.repository';
import { ClaimsRepository, type ClaimSummary } from './repositories/claims.repository';

export interface ClaimDetailView extends ClaimSummary {
  claim: unknown;
  timeline: StatusEventView[];
  journey: ClaimJourney;
}

export interface ClaimListQuery {
  status?: ClaimStatus;
  payerId?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

export class InvalidCursorError extends DomainError {
  constructor() {
    super('invalid_cursor', 'invalid', 'The cursor is not one this gateway issued.');
  }
}

@Injectable()
export class ClaimsQueryService {
  constructor(
    private readonly claims: ClaimsRepository,
    private readonly events: ClaimStatusEventsRepository,
    private readonly batches: BatchesRepository,
    private readonly dataSource: DataSource,
  ) {}

  async getClaim(orgId: string, claimId: string): Promise<ClaimDetailView> {
    if (!isUuid(claimId)) throw new NotFoundError('claim');
    const claim = await this.claims.findById(orgId, claimId);
    if (!claim) throw new NotFoundError('claim');
    const timeline = await this.events.timeline(orgId, claimId);
    const journey = buildClaimJourney(timeline, await loadClaimSends(this.dataSource, orgId, claimId));
    const { submitted, ...summary } = claim;
    return { ...summary, claim: submitted, timeline, journey };
  }

  async listClaims(
    orgId: string,
    query: ClaimListQuery,
  ): Promise<{ items: ClaimSummary[]; nextCursor: string | null }> {
    const limit = query.limit ?? 50;
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (query.cursor !== undefined && after === undefined) throw new InvalidCursorError();
    const items = await this.claims.list(orgId, {
      status: query.status,
      payerId: query.payerId,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      after,
      limit: limit + 1,
    });
    const page = items.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page, nextCursor: items.length > limit && last ? encodeCursor(last) : null };
  }

  async getBatch(orgId: string, batchId: string): Promise<BatchView> {
    if (!isUuid(batchId)) throw new NotFoundError('claim_batch');
    const batch = await this.batches.findById(orgId, batchId);
    if (!batch) throw new NotFoundError('claim_batch');
    return batch;
  }
}
