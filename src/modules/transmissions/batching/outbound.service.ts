// The outbound workflow shared by the scheduled tick and the admin send-now: build files from queued claims,
// then deliver due files. Building and delivery are each safe to run concurrently in several processes
// (claims and transmissions are taken with FOR UPDATE SKIP LOCKED); the tick additionally runs once across
// processes (runExclusively in OutboundScheduler).
import { Inject, Injectable } from '@nestjs/common';
import { GATEWAY_LOGGER, type GatewayLogger } from '../../../common/logging/logger';
import type { AppConfig } from '../../../config/config';
import { APP_CONFIG } from '../../../config/config.module';
import { AuditService, type AuditActor } from '../../audit/audit.service';
import { DeliveryService, type DeliveryRunItem } from '../delivery/delivery.service';
import type { TransmissionState } from '../transmission.entity';
import { BatchingRepository } from './batching.repository';
import { BatchingService, type BuildFailure, type BuildRunResult, type BuiltFile } from './batching.service';
import { SerialQueue } from './serial-queue';

/** Upper bound on files one outbound pass takes for delivery (retries included), so a pass stays bounded. */
const MAX_FILES_PER_PASS = 1000;

export interface DeliveryPassSummary {
  /** Files taken for delivery (claimed rows, retries included). */
  claimed: number;
  /** Outcome -> number of files. */
  outcomes: Record<string, number>;
  items: DeliveryRunItem[];
}

export interface OutboundPassSummary {
  build: BuildRunResult;
  delivery: DeliveryPassSummary;
}

export interface SendNowTransmission {
  id: string;
  kind: BuiltFile['kind'];
  partnerId: string;
  fileName: string;
  claimCount: number;
  isa13s: number[];
  /** State after this request's delivery attempt (another process may have delivered it). */
  state: TransmissionState | 'unknown';
}

export interface SendNowResult {
  claimsBatched: number;
  claimsWithoutPartner: number;
  transmissions: SendNowTransmission[];
  failures: BuildFailure[];
  delivered: number;
}

@Injectable()
export class OutboundService {
  private readonly log: GatewayLogger;
  private readonly embedded: boolean;
  /**
   * On the embedded database, outbound passes in this process run one at a time and deliver one file per
   * delivery run: pglite-socket mixes up protocol state between connections whose queries interleave (seen
   * as wrong results such as partner_not_found, and "unnamed prepared statement does not exist"), and
   * DeliveryService serves several partners at once. One process owns the embedded database, so only speed
   * is lost; on PostgreSQL nothing is serialised.
   */
  private readonly embeddedQueue = new SerialQueue();

  constructor(
    private readonly batching: BatchingService,
    private readonly batchingRepository: BatchingRepository,
    private readonly delivery: DeliveryService,
    private readonly audit: AuditService,
    @Inject(GATEWAY_LOGGER) logger: GatewayLogger,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.log = logger.child({ component: 'outbound' });
    this.embedded = config.database.mode === 'embedded';
  }

  private serialised<T>(task: () => Promise<T>): Promise<T> {
    return this.embedded ? this.embeddedQueue.run(task) : task();
  }

  /** Builds every due file, then delivers due files until none is left (bounded). */
  async runPass(): Promise<OutboundPassSummary> {
    return this.serialised(async () => {
      const build = await this.batching.buildDue();
      const delivery = await this.deliverAllDue();
      return { build, delivery };
    });
  }

  /** Delivers due files run after run until a run finds none (bounded by MAX_FILES_PER_PASS). */
  async deliverDue(): Promise<DeliveryPassSummary> {
    return this.serialised(() => this.deliverAllDue());
  }

  private async deliverAllDue(): Promise<DeliveryPassSummary> {
    const summary: DeliveryPassSummary = { claimed: 0, outcomes: {}, items: [] };
    for (let run = 0; summary.claimed < MAX_FILES_PER_PASS; run++) {
      const result = await this.delivery.deliverDue(this.embedded ? 1 : undefined);
      if (result.claimed === 0) break;
      summary.claimed += result.claimed;
      for (const item of result.items) {
        summary.items.push(item);
        summary.outcomes[item.outcome] = (summary.outcomes[item.outcome] ?? 0) + 1;
      }
      this.log.info(
        { run: run + 1, claimed: result.claimed, totalClaimed: summary.claimed },
        'outbound delivery progress',
      );
    }
    return summary;
  }

  /**
   * The admin "send now": builds the organisation's queued claims into files and delivers due files now.
   * Answers with counts and the new files' ids and states (never claim data).
   */
  async sendNow(orgId: string, actor: AuditActor): Promise<SendNowResult> {
    return this.serialised(() => this.sendNowUnserialised(orgId, actor));
  }

  private async sendNowUnserialised(orgId: string, actor: AuditActor): Promise<SendNowResult> {
    const build = await this.batching.buildDue({ orgId });
    const delivery = await this.deliverAllDue();
    const ids = build.files.map((file) => file.transmissionId);
    const states = await this.batchingRepository.statesOf(orgId, ids);
    const transmissions = build.files.map((file): SendNowTransmission => ({
      id: file.transmissionId,
      kind: file.kind,
      partnerId: file.partnerId,
      fileName: file.fileName,
      claimCount: file.claimCount,
      isa13s: file.isa13s,
      state: states.get(file.transmissionId) ?? 'unknown',
    }));
    const result: SendNowResult = {
      claimsBatched: build.claimsBatched,
      claimsWithoutPartner: build.claimsWithoutPartner,
      transmissions,
      failures: build.failures,
      delivered: transmissions.filter((file) => file.state === 'delivered').length,
    };
    await this.audit.record(
      actor,
      'transmissions.send_now',
      'organization',
      orgId,
      {
        claimsBatched: result.claimsBatched,
        claimsWithoutPartner: result.claimsWithoutPartner,
        files: ids.length,
        delivered: result.delivered,
        failures: result.failures.length,
        deliveryClaimed: delivery.claimed,
      },
      { orgId },
    );
    this.log.info(
      {
        orgId,
        claimsBatched: result.claimsBatched,
        claimsWithoutPartner: result.claimsWithoutPartner,
        files: ids.length,
        delivered: result.delivered,
        failures: result.failures.length,
      },
      'send-now finished',
    );
    return result;
  }
}
