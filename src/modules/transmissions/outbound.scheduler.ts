// Runs the outbound pass (batch queued claims into 837 files, then deliver due files) every
// scheduling.outboundTickSeconds when scheduling.enabled. Every process ticks; runExclusively(dataSource,
// 'outbound', ...) lets one of them at a time do the work (advisory lock), the others skip that tick.
import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { GATEWAY_LOGGER, type GatewayLogger } from '../../common/logging/logger';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { runExclusively, type ExclusiveRun } from '../../database/exclusive-run';
import { OutboundService, type OutboundPassSummary } from './batching/outbound.service';

export const OUTBOUND_INTERVAL = 'outbound-tick';
export const OUTBOUND_JOB_NAME = 'outbound';

@Injectable()
export class OutboundScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log: GatewayLogger;
  private running: Promise<unknown> | undefined;
  private readonly passFailures = new Set<unknown>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: SchedulerRegistry,
    private readonly dataSource: DataSource,
    private readonly outbound: OutboundService,
    @Inject(GATEWAY_LOGGER) logger: GatewayLogger,
  ) {
    this.log = logger.child({ job: OUTBOUND_JOB_NAME });
  }

  onApplicationBootstrap(): void {
    if (!this.config.scheduling.enabled) return;
    const handle = setInterval(() => void this.tick(), this.config.scheduling.outboundTickSeconds * 1000);
    this.registry.addInterval(OUTBOUND_INTERVAL, handle);
  }

  /** One tick, once across processes. Never throws: a failed tick is logged and the next one tries again. */
  async tick(): Promise<ExclusiveRun<OutboundPassSummary>> {
    const run = runExclusively(this.dataSource, OUTBOUND_JOB_NAME, () => this.pass());
    this.running = run;
    try {
      return await run;
    } catch (error) {
      // A failed pass is logged inside the exclusive section; this is the lock itself failing.
      if (!this.passFailures.has(error)) this.log.error({ err: error }, 'outbound tick could not run');
      this.passFailures.delete(error);
      return { ran: false };
    } finally {
      if (this.running === run) this.running = undefined;
    }
  }

  /** The exclusive section. Its first and last log lines bracket it (the multi-process test checks them). */
  private async pass(): Promise<OutboundPassSummary> {
    const startedAt = Date.now();
    this.log.info({ pid: process.pid }, 'outbound tick started');
    let summary: OutboundPassSummary;
    try {
      summary = await this.outbound.runPass();
    } catch (error) {
      // Logged inside the exclusive section, so it closes the bracket the start line opened.
      this.log.error(
        { pid: process.pid, durationMs: Date.now() - startedAt, err: error },
        'outbound tick failed',
      );
      this.passFailures.add(error);
      throw error;
    }
    this.log.info(
      {
        pid: process.pid,
        durationMs: Date.now() - startedAt,
        filesBuilt: summary.build.files.length,
        claimsBatched: summary.build.claimsBatched,
        claimsWithoutPartner: summary.build.claimsWithoutPartner,
        buildFailures: summary.build.failures.length,
        deliveryClaimed: summary.delivery.claimed,
        deliveryOutcomes: summary.delivery.outcomes,
      },
      'outbound tick finished',
    );
    return summary;
  }

  /** Stops the interval and lets a running tick finish before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.registry.doesExist('interval', OUTBOUND_INTERVAL)) {
      this.registry.deleteInterval(OUTBOUND_INTERVAL);
    }
    await this.running?.catch(() => undefined);
  }
}
