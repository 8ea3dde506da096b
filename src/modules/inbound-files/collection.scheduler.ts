// Runs collection every scheduling.inboundPollSeconds (when scheduling.enabled), once across all gateway
// processes: each tick goes through runExclusively(dataSource, 'inbound', ...).
import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { GATEWAY_LOGGER, GatewayLogger } from '../../common/logging/logger';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { ExclusiveRun, runExclusively } from '../../database/exclusive-run';
import { CollectionReport, CollectionService } from './collection.service';

export const INBOUND_COLLECTION_INTERVAL = 'inbound-collection';
export const INBOUND_JOB_NAME = 'inbound';

@Injectable()
export class CollectionScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log: GatewayLogger;
  private running: Promise<unknown> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: SchedulerRegistry,
    private readonly dataSource: DataSource,
    private readonly collection: CollectionService,
    @Inject(GATEWAY_LOGGER) logger: GatewayLogger,
  ) {
    this.log = logger.child({ module: 'inbound-collection' });
  }

  onApplicationBootstrap(): void {
    if (!this.config.scheduling.enabled) return;
    const handle = setInterval(() => void this.tick(), this.config.scheduling.inboundPollSeconds * 1000);
    this.registry.addInterval(INBOUND_COLLECTION_INTERVAL, handle);
  }

  /** One tick: collection once across processes. Never throws (a failed tick is logged and retried next time). */
  async tick(): Promise<ExclusiveRun<CollectionReport>> {
    const run = runExclusively(this.dataSource, INBOUND_JOB_NAME, () => this.collection.collectAll());
    this.running = run;
    try {
      return await run;
    } catch (error) {
      this.log.error({ err: error }, 'inbound collection tick failed');
      return { ran: false };
    } finally {
      if (this.running === run) this.running = undefined;
    }
  }

  /** Stops the interval and lets a running tick finish before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.registry.doesExist('interval', INBOUND_COLLECTION_INTERVAL)) {
      this.registry.deleteInterval(INBOUND_COLLECTION_INTERVAL);
    }
    await this.running?.catch(() => undefined);
  }
}
