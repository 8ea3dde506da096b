// What an organisation's admin can see and do about its outbound files: list them (dead-letter and in-doubt
// first of all), look at one with its history, download the stored 837 (audited), decide an in-doubt
// delivery, and retry a dead-lettered one. Every action is a compare-and-set transition plus an audit entry
// in one transaction.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../../common/clock';
import { ValidationFailedError } from '../../../common/errors/domain-error';
import { isUuid } from '../../../common/ids';
import { AuditActor, AuditService } from '../../audit/audit.service';
import { decodeCursor, encodeCursor } from '../../claims/claim-cursor';
import { formatIsa13 } from '../control-numbers/control-number.repository';
import {
  isTransmissionState,
  TransmissionAlreadyAcknowledgedError,
  TransmissionNotFoundError,
  TransmissionStateConflictError,
  type TransmissionState,
} from '../transmission-state';
import { TransmissionsRepository, type TransmissionSummary } from '../transmissions.repository';
import { DeliveryService } from './delivery.service';
import type {
  ResolveOutcome,
  TransmissionDetailDto,
  TransmissionDto,
  TransmissionListDto,
} from './transmission-admin.dto';

export interface TransmissionListQuery {
  state?: string;
  cursor?: string;
  limit?: number;
}

export interface TransmissionFile {
  fileName: string;
  sha256: string;
  bytes: Buffer;
}

function iso(value: Date | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

export function toTransmissionDto(row: TransmissionSummary): TransmissionDto {
  return {
    id: row.id,
    partnerId: row.partnerId,
    kind: row.kind,
    state: row.state,
    fileName: row.fileName,
    sha256: row.sha256,
    sizeBytes: row.sizeBytes,
    claimCount: row.claimCount,
    attempts: row.attempts,
    nextAttemptAt: new Date(row.nextAttemptAt).toISOString(),
    lastErrorCode: row.lastErrorCode,
    remotePath: row.remotePath,
    deliveredAt: iso(row.deliveredAt),
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

@Injectable()
export class TransmissionAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transmissions: TransmissionsRepository,
    private readonly delivery: DeliveryService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(orgId: string, query: TransmissionListQuery): Promise<TransmissionListDto> {
    const states = query.state === undefined ? undefined : query.state.split(',');
    const unknown = states?.filter((state) => !isTransmissionState(state)) ?? [];
    if (unknown.length > 0) {
      throw new ValidationFailedError([
        { path: '$.state', code: 'isIn', message: 'state must be transmission states, comma-separated' },
      ]);
    }
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (query.cursor !== undefined && after === undefined) {
      throw new ValidationFailedError([
        { path: '$.cursor', code: 'cursor_invalid', message: 'cursor is not one this API issued' },
      ]);
    }
    const limit = query.limit ?? 50;
    const rows = await this.transmissions.listForOrg(orgId, {
      states: states as TransmissionState[] | undefined,
      after,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toTransmissionDto),
      nextCursor:
        rows.length > limit && last !== undefined
          ? encodeCursor({ createdAt: new Date(last.createdAt), id: last.id })
          : null,
    };
  }

  async get(orgId: string, id: string): Promise<TransmissionDetailDto> {
    const row = await this.find(orgId, id);
    const [events, interchanges] = [
      await this.transmissions.eventsOf(row.id),
      await this.transmissions.interchangesOf(row.id),
    ];
    return {
      ...toTransmissionDto(row),
      events: events.map((event) => ({
        fromState: event.fromState,
        toState: event.toState,
        details: event.details,
        at: new Date(event.at).toISOString(),
      })),
      interchanges: interchanges.map((interchange) => ({
        ...interchange,
        isa13: formatIsa13(interchange.isa13),
      })),
    };
  }

  /** The stored 837 bytes; the download is audited (raw X12 is PHI). */
  async file(orgId: string, id: string, actor: AuditActor): Promise<TransmissionFile> {
    const row = await this.find(orgId, id);
    const file = await this.transmissions.fileOf(row.id);
    if (file === undefined) throw new TransmissionNotFoundError();
    await this.audit.record(actor, 'transmission.file_downloaded', 'transmission', row.id, {
      sha256: file.sha256,
      sizeBytes: file.bytes.length,
    });
    return { fileName: row.fileName, sha256: file.sha256, bytes: file.bytes };
  }

  /**
   * An admin's decision on an in-doubt delivery. delivered: the file is recorded delivered and its claims
   * sent. not-delivered: back to built, due now with a fresh attempt count; refused (409) once the payer has
   * answered the file in any way, since that proves it arrived.
   */
  async resolve(
    orgId: string,
    id: string,
    outcome: ResolveOutcome,
    actor: AuditActor,
  ): Promise<TransmissionDto> {
    this.assertId(id);
    await this.dataSource.transaction(async (manager) => {
      const row = await this.transmissions.lockForOrg(manager, orgId, id);
      if (row.state !== 'in_doubt') throw new TransmissionStateConflictError(id, 'in_doubt', row.state);
      const now = this.clock.now();
      const by = actor.type === 'api-key' ? { apiKeyId: actor.apiKeyId } : { actor: actor.type };
      let claims = 0;
      if (outcome === 'delivered') {
        await this.transmissions.transition(
          manager,
          id,
          'in_doubt',
          'delivered',
          { resolvedBy: 'admin', ...by },
          { patch: { deliveredAt: now, publishStartedAt: null } },
        );
        claims = await this.delivery.markClaimsSent(manager, id, row.fileName, 'admin');
      } else {
        if (await this.transmissions.hasPayerResponse(manager, id)) {
          throw new TransmissionAlreadyAcknowledgedError(id);
        }
        await this.transmissions.transition(
          manager,
          id,
          'in_doubt',
          'built',
          { resolvedBy: 'admin', outcome, ...by },
          // The admin says the partner does not have it: the next attempt may upload it again.
          { patch: { nextAttemptAt: now, attempts: 0, lastErrorCode: null, publishStartedAt: null } },
        );
      }
      await this.audit.record(
        actor,
        'transmission.resolved',
        'transmission',
        id,
        { outcome, previousErrorCode: row.lastErrorCode, claimsSent: claims },
        { orgId, manager },
      );
    });
    return toTransmissionDto(await this.find(orgId, id));
  }

  /** Puts a dead-lettered transmission back to built, due now with a fresh attempt count. */
  async retry(orgId: string, id: string, actor: AuditActor): Promise<TransmissionDto> {
    this.assertId(id);
    await this.dataSource.transaction(async (manager) => {
      const row = await this.transmissions.lockForOrg(manager, orgId, id);
      if (row.state !== 'dead_letter') throw new TransmissionStateConflictError(id, 'dead_letter', row.state);
      const by = actor.type === 'api-key' ? { apiKeyId: actor.apiKeyId } : { actor: actor.type };
      await this.transmissions.transition(
        manager,
        id,
        'dead_letter',
        'built',
        { retriedBy: 'admin', previousErrorCode: row.lastErrorCode, ...by },
        { patch: { nextAttemptAt: this.clock.now(), attempts: 0, lastErrorCode: null } },
      );
      await this.audit.record(
        actor,
        'transmission.retried',
        'transmission',
        id,
        { previousErrorCode: row.lastErrorCode, previousAttempts: row.attempts },
        { orgId, manager },
      );
    });
    return toTransmissionDto(await this.find(orgId, id));
  }

  private assertId(id: string): void {
    if (!isUuid(id)) throw new TransmissionNotFoundError();
  }

  private async find(orgId: string, id: string): Promise<TransmissionSummary> {
    this.assertId(id);
    const row = await this.transmissions.findForOrg(orgId, id);
    if (row === undefined) throw new TransmissionNotFoundError();
    return row;
  }
}
