/**
 * The one writer of claim status: moves claims to a status and appends the matching history rows in the
 * caller's transaction. Reused by intake, the SFTP pipeline (sent), acknowledgments (999/277CA) and
 * remittance (835). `details` holds ids, control numbers, counts and codes only: never PHI.
 */
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { newId } from '../../common/ids';
import type { ClaimStatus, ClaimStatusSource } from './claim-status';
import { ClaimStatusEventsRepository } from './repositories/claim-status-events.repository';

export interface StatusChange {
  orgId: string;
  claimIds: readonly string[];
  status: ClaimStatus;
  source: ClaimStatusSource;
  details?: Record<string, unknown>;
}

@Injectable()
export class ClaimStatusService {
  constructor(
    private readonly events: ClaimStatusEventsRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Sets the status of the organisation's claims and records one event per claim. Claim ids that are not
   * the organisation's are ignored (and get no event). Returns the ids that changed.
   */
  async record(manager: EntityManager, change: StatusChange): Promise<string[]> {
    const at = this.clock.now();
    const changed = await this.events.setStatus(manager, change.orgId, change.claimIds, change.status, at);
    await this.events.append(
      manager,
      changed.map((claimId) => ({
        id: newId(),
        orgId: change.orgId,
        claimId,
        status: change.status,
        source: change.source,
        details: change.details ?? {},
        at,
      })),
    );
    return changed;
  }
}
