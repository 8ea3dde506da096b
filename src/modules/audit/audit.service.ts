import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import type { Principal } from '../../common/http/request-context';
import { AuditLogEntity } from './audit-log.entity';
import { AuditLogRepository } from './audit-log.repository';

/** Who acted: an API key (from the request), the CLI (OS user) or the system (a job). */
export type AuditActor =
  | { type: 'api-key'; orgId: string; apiKeyId: string; requestId?: string }
  | { type: 'cli'; user?: string }
  | { type: 'system'; job: string };

export function actorFromPrincipal(principal: Principal, requestId?: string): AuditActor {
  return { type: 'api-key', orgId: principal.orgId, apiKeyId: principal.apiKeyId, requestId };
}

/** Detail values: ids, codes, counts, flags. Never PHI. */
export type AuditDetails = Record<string, string | number | boolean | null | readonly (string | number)[]>;

@Injectable()
export class AuditService {
  constructor(
    private readonly repository: AuditLogRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends one audit entry. Pass `manager` to write it in the same transaction as the change it describes
   * (required on the embedded database, where a second connection would wait for the first one's transaction).
   * `orgId` defaults to the actor's organisation.
   */
  async record(
    actor: AuditActor,
    action: string,
    objectType: string,
    objectId: string | null,
    details: AuditDetails = {},
    options: { orgId?: string | null; manager?: EntityManager } = {},
  ): Promise<string> {
    const orgId = options.orgId !== undefined ? options.orgId : actor.type === 'api-key' ? actor.orgId : null;
    return this.repository.append(
      {
        occurredAt: this.clock.now(),
        orgId,
        actorType: actor.type,
        actorId:
          actor.type === 'api-key' ? actor.apiKeyId : actor.type === 'cli' ? (actor.user ?? null) : actor.job,
        action,
        objectType,
        objectId,
        details: details as Record<string, unknown>,
        requestId: actor.type === 'api-key' ? (actor.requestId ?? null) : null,
      },
      options.manager,
    );
  }

  listForOrganization(orgId: string, limit = 100): Promise<AuditLogEntity[]> {
    return this.repository.listForOrganization(orgId, limit);
  }
}
