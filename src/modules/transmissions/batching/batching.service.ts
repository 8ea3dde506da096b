// Batching: queued claims -> stored 837 files, grouped by organisation, trading partner and claim kind.
//
// Per file, ONE short transaction: lock the claims (FOR UPDATE SKIP LOCKED), allocate ISA13/GS06/ST02 from
// the ledger, write and validate the 837, store its bytes and SHA-256 with its interchanges and claim rows,
// link the claims, append the 'built' event. Nothing here touches the network; delivery picks the file up
// after commit. A failure rolls the whole file back: the claims stay queued and the control numbers return
// to the ledger.
import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../../common/clock';
import { DomainError } from '../../../common/errors/domain-error';
import { newId } from '../../../common/ids';
import { GATEWAY_LOGGER, type GatewayLogger } from '../../../common/logging/logger';
import type { AppConfig } from '../../../config/config';
import { APP_CONFIG } from '../../../config/config.module';
import { hasErrors, validateX12 } from '../../../x12/read';
import { X12Error } from '../../../x12/syntax/types';
import type { ClaimKind } from '../../claims/claim-status';
import { renderFileName } from '../../trading-partners/file-name';
import type { TradingPartnerEntity } from '../../trading-partners/trading-partner.entity';
import { TradingPartnersService } from '../../trading-partners/trading-partners.service';
import {
  ControlNumberRepository,
  type ControlNumberPair,
} from '../control-numbers/control-number.repository';
import type { TransmissionKind } from '../transmission.entity';
import { BatchClaimsMovedError, BatchFileInvalidError, BatchFileUnwritableError } from './batching.errors';
import { BatchingRepository, type LockedClaim, type NewTransmissionClaim } from './batching.repository';
import { SerialQueue } from './serial-queue';
import { layout837File, write837File, type Claim837FileInterchange } from './claim-837-file';

export const TRANSMISSION_KIND_BY_CLAIM_KIND: Readonly<Record<ClaimKind, TransmissionKind>> = {
  professional: '837P',
  institutional: '837I',
};

/** One file stored by a build run. */
export interface BuiltFile {
  transmissionId: string;
  orgId: string;
  partnerId: string;
  kind: TransmissionKind;
  fileName: string;
  claimCount: number;
  /** ISA13 of each interchange in the file, in file order. */
  isa13s: number[];
  transactionSets: number;
  sizeBytes: number;
  /** Where the time went (inside the transaction): lock and load claims, write, validate, store. */
  timingsMs: { lock: number; write: number; validate: number; store: number };
}

/** A group whose file could not be built this run (its claims stay queued). */
export interface BuildFailure {
  orgId: string;
  partnerId: string;
  kind: TransmissionKind;
  code: string;
}

export interface BuildRunResult {
  files: BuiltFile[];
  /** Claims linked to a stored file by this run. */
  claimsBatched: number;
  /** Queued claims left waiting because no enabled trading partner serves their payer. */
  claimsWithoutPartner: number;
  failures: BuildFailure[];
}

export interface BuildOptions {
  /** Only this organisation's claims (the admin send-now). */
  orgId?: string;
  /** Upper bound on files per group in one run, so a tick stays bounded (default 1000). */
  maxFilesPerGroup?: number;
}

interface PartnerGroup {
  orgId: string;
  partner: TradingPartnerEntity;
  kind: ClaimKind;
  payerIds: string[];
}

const DEFAULT_MAX_FILES_PER_GROUP = 1000;

@Injectable()
export class BatchingService {
  private readonly log: GatewayLogger;
  private readonly embedded: boolean;
  /**
   * On the embedded database, builds in this process run one at a time: PGlite runs one transaction at a
   * time anyway, and pglite-socket mixes up protocol state between connections whose queries interleave
   * (seen as "unnamed prepared statement does not exist"). One process owns the embedded database, so
   * nothing is lost. On PostgreSQL, concurrent builds (a tick and a send-now, or several processes) are
   * kept apart by the row locks alone.
   */
  private readonly embeddedQueue = new SerialQueue();

  constructor(
    private readonly dataSource: DataSource,
    private readonly batching: BatchingRepository,
    private readonly controlNumbers: ControlNumberRepository,
    private readonly partners: TradingPartnersService,
    private readonly clock: Clock,
    @Inject(GATEWAY_LOGGER) logger: GatewayLogger,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.log = logger.child({ component: 'batching' });
    this.embedded = config.database.mode === 'embedded';
  }

  /**
   * Builds and stores files for every waiting claim whose payer has an enabled trading partner. Never throws
   * for one group's failure: it is logged with its code, reported in `failures`, and retried next run.
   */
  async buildDue(options: BuildOptions = {}): Promise<BuildRunResult> {
    return this.embedded ? this.embeddedQueue.run(() => this.build(options)) : this.build(options);
  }

  private async build(options: BuildOptions): Promise<BuildRunResult> {
    const result: BuildRunResult = { files: [], claimsBatched: 0, claimsWithoutPartner: 0, failures: [] };
    const { groups, withoutPartner } = await this.partnerGroups(options.orgId);
    result.claimsWithoutPartner = withoutPartner;
    if (withoutPartner > 0) {
      this.log.info({ claimsWithoutPartner: withoutPartner }, 'queued claims wait for a trading partner');
    }
    const maxFiles = options.maxFilesPerGroup ?? DEFAULT_MAX_FILES_PER_GROUP;
    for (const group of groups) {
      for (let files = 0; files < maxFiles; files++) {
        let built: BuiltFile | undefined;
        try {
          built = await this.dataSource.transaction((manager) => this.buildOne(manager, group));
        } catch (error) {
          const code = error instanceof DomainError ? error.code : 'batch_build_failed';
          const failure = {
            orgId: group.orgId,
            partnerId: group.partner.id,
            kind: TRANSMISSION_KIND_BY_CLAIM_KIND[group.kind],
            code,
          };
          result.failures.push(failure);
          const details = error instanceof DomainError ? error.details : undefined;
          this.log.error(
            { ...failure, details, ...(error instanceof DomainError ? {} : { err: error }) },
            'batch file not built',
          );
          break;
        }
        if (built === undefined) break;
        result.files.push(built);
        result.claimsBatched += built.claimCount;
        this.log.info(
          {
            transmissionId: built.transmissionId,
            orgId: built.orgId,
            partnerId: built.partnerId,
            kind: built.kind,
            claims: built.claimCount,
            isa13s: built.isa13s,
            transactionSets: built.transactionSets,
            sizeBytes: built.sizeBytes,
            timingsMs: built.timingsMs,
          },
          'batch file built',
        );
      }
    }
    return result;
  }

  /** Waiting claims grouped by organisation, partner and kind; claims whose payer has no partner counted. */
  private async partnerGroups(orgId?: string): Promise<{ groups: PartnerGroup[]; withoutPartner: number }> {
    const awaiting = await this.batching.awaitingGroups(orgId);
    const groups = new Map<string, PartnerGroup>();
    const partnerByOrgPayer = new Map<string, TradingPartnerEntity | undefined>();
    let withoutPartner = 0;
    for (const row of awaiting) {
      const routeKey = `${row.orgId}\u0000${row.payerId}`;
      if (!partnerByOrgPayer.has(routeKey)) {
        partnerByOrgPayer.set(
          routeKey,
          await this.partners.findForPayer(this.dataSource.manager, row.orgId, row.payerId),
        );
      }
      const partner = partnerByOrgPayer.get(routeKey);
      if (partner === undefined) {
        withoutPartner += row.claims;
        continue;
      }
      const key = `${row.orgId}\u0000${partner.id}\u0000${row.kind}`;
      const group = groups.get(key) ?? { orgId: row.orgId, partner, kind: row.kind, payerIds: [] };
      group.payerIds.push(row.payerId);
      groups.set(key, group);
    }
    return { groups: [...groups.values()], withoutPartner };
  }

  /** One file inside the caller's transaction; undefined when no claim of the group is left to take. */
  private async buildOne(manager: EntityManager, group: PartnerGroup): Promise<BuiltFile | undefined> {
    const { partner } = group;
    const started = performance.now();
    const claims = await this.batching.lockClaimsForFile(manager, {
      orgId: group.orgId,
      payerIds: group.payerIds,
      kind: group.kind,
      limit: partner.maxClaimsPerFile,
    });
    if (claims.length === 0) return undefined;

    const kind = TRANSMISSION_KIND_BY_CLAIM_KIND[group.kind];
    const transmissionId = newId();
    const layout = layout837File(claims.length, partner);
    const pair: ControlNumberPair = {
      senderQualifier: partner.isaSenderQualifier,
      senderId: partner.isaSenderId,
      receiverQualifier: partner.isaReceiverQualifier,
      receiverId: partner.isaReceiverId,
    };
    const interchangeCount = layout.interchangeSets.length;
    // The counter rows stay locked until commit: numbers are owned by this file, or returned on rollback.
    const isa13s = await this.controlNumbers.allocate(
      manager,
      pair,
      'ISA13',
      interchangeCount,
      transmissionId,
    );
    const gs06s = await this.controlNumbers.allocate(manager, pair, 'GS06', interchangeCount, transmissionId);
    const st02s = await this.controlNumbers.allocate(
      manager,
      pair,
      'ST02',
      layout.setSizes.length,
      transmissionId,
    );

    const interchangeIds = isa13s.map(() => newId());
    const setStarts: number[] = [];
    layout.setSizes.reduce((start, size) => (setStarts.push(start), start + size), 0);
    const claimRows: NewTransmissionClaim[] = [];
    const interchanges: Claim837FileInterchange[] = layout.interchangeSets.map((setIndexes, index) => ({
      isa13: isa13s[index],
      gs06: gs06s[index],
      sets: setIndexes.map((setIndex) => {
        const members: LockedClaim[] = claims.slice(
          setStarts[setIndex],
          setStarts[setIndex] + layout.setSizes[setIndex],
        );
        for (const claim of members) {
          claimRows.push({
            interchangeId: interchangeIds[index],
            claimId: claim.id,
            gs06: gs06s[index],
            st02: st02s[setIndex],
            patientControlNumber: claim.patientControlNumber,
          });
        }
        return { st02: st02s[setIndex], claims: members.map((claim) => claim.submitted) };
      }),
    }));

    const locked = performance.now();
    const at = this.clock.now();
    const bytes = Buffer.from(this.write(group.kind, partner, at, interchanges), 'utf8');
    const written = performance.now();
    this.refuseInvalid(bytes);
    const validated = performance.now();

    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const fileName = renderFileName(partner, { kind, isa13: isa13s[0], transmissionId, at });
    await this.batching.insertTransmission(manager, {
      id: transmissionId,
      orgId: group.orgId,
      partnerId: partner.id,
      kind,
      fileName,
      bytes,
      sha256,
      claimCount: claims.length,
      at,
    });
    await this.batching.insertInterchanges(
      manager,
      transmissionId,
      isa13s.map((isa13, index) => ({ id: interchangeIds[index], ...pair, isa13 })),
    );
    await this.batching.insertTransmissionClaims(manager, transmissionId, group.orgId, claimRows);
    const linked = await this.batching.linkClaims(
      manager,
      group.orgId,
      transmissionId,
      claims.map((claim) => claim.id),
      at,
    );
    if (linked !== claims.length) throw new BatchClaimsMovedError(claims.length, linked);
    await this.batching.appendBuiltEvent(
      manager,
      transmissionId,
      {
        claims: claims.length,
        isa13s,
        gs06s,
        transactionSets: st02s.length,
        sizeBytes: bytes.length,
        sha256,
      },
      at,
    );
    return {
      transmissionId,
      orgId: group.orgId,
      partnerId: partner.id,
      kind,
      fileName,
      claimCount: claims.length,
      isa13s,
      transactionSets: st02s.length,
      sizeBytes: bytes.length,
      timingsMs: {
        lock: Math.round(locked - started),
        write: Math.round(written - locked),
        validate: Math.round(validated - written),
        store: Math.round(performance.now() - validated),
      },
    };
  }

  private write(
    kind: ClaimKind,
    partner: TradingPartnerEntity,
    at: Date,
    interchanges: Claim837FileInterchange[],
  ): string {
    try {
      return write837File({ kind, partner, at, interchanges });
    } catch (error) {
      // The writer's message names a field and never its value, but only the code and element leave here.
      if (error instanceof X12Error) throw new BatchFileUnwritableError(error.code, error.location.element);
      throw error;
    }
  }

  /** The engine validates every file before it is stored: a file with an error is never stored or sent. */
  private refuseInvalid(bytes: Buffer): void {
    const { diagnostics } = validateX12(bytes);
    if (!hasErrors(diagnostics)) return;
    const codes = [
      ...new Set(diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((d) => d.code)),
    ];
    throw new BatchFileInvalidError(codes.slice(0, 20));
  }
}
