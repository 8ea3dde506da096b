/**
 * Boots the built-in sandbox payer with the gateway when SANDBOX_ENABLED (default on the embedded
 * database): starts the SFTP server and the payer simulator on DATA_DIR/sandbox, then upserts the shared
 * trading partner that routes the sandbox payer ids to it, with the generated credential and the pinned
 * host key. So `npm start` on a fresh machine sends SANDBOX1 claims to the sandbox and collects its answers
 * with no setup. Stopped on application shutdown.
 */
import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { GATEWAY_LOGGER, type GatewayLogger } from '../common/logging/logger';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import type { TradingPartnerEntity } from '../modules/trading-partners/trading-partner.entity';
import type { TradingPartnerInput } from '../modules/trading-partners/trading-partner.input';
import { TradingPartnersService } from '../modules/trading-partners/trading-partners.service';
import { FROM_PAYER, TO_PAYER } from './payer-simulator';
import { SandboxPayer } from './sandbox-payer';

export const SANDBOX_PARTNER_NAME = 'Sandbox payer';
export const SANDBOX_PAYER_IDS = ['SANDBOX1', 'SANDBOX2', 'SANDBOX3'];

/** The shared trading partner that points at a running sandbox payer. */
export function sandboxPartnerInput(
  payer: Pick<SandboxPayer, 'port' | 'username' | 'password' | 'hostKeyFingerprint'>,
): TradingPartnerInput {
  return {
    name: SANDBOX_PARTNER_NAME,
    payerIds: [...SANDBOX_PAYER_IDS],
    enabled: true,
    host: '127.0.0.1',
    port: payer.port,
    username: payer.username,
    credential: { method: 'password', password: payer.password },
    hostKeyFingerprint: payer.hostKeyFingerprint,
    outboundDir: TO_PAYER,
    inboundDir: FROM_PAYER,
    inboundDisposal: 'delete',
    renameAllowed: true,
    isaSenderQualifier: 'ZZ',
    isaSenderId: 'X12GATEWAY',
    isaReceiverQualifier: 'ZZ',
    isaReceiverId: 'SANDBOXPAYER',
    usageIndicator: 'T',
    acknowledgmentRequested: true,
  };
}

@Injectable()
export class SandboxService implements OnApplicationBootstrap, OnApplicationShutdown {
  private payer: SandboxPayer | undefined;
  private partner: TradingPartnerEntity | undefined;
  private readonly logger: GatewayLogger;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly partners: TradingPartnersService,
    @Inject(GATEWAY_LOGGER) logger: GatewayLogger,
  ) {
    this.logger = logger.child({ component: 'sandbox-payer' });
  }

  /** The running sandbox (undefined when disabled). */
  get running(): SandboxPayer | undefined {
    return this.payer;
  }

  /** The shared partner upserted at boot. */
  get sharedPartner(): TradingPartnerEntity | undefined {
    return this.partner;
  }

  async onApplicationBootstrap(): Promise<void> {
    const settings = this.config.sandbox;
    if (!settings.enabled) return;
    const payer = await SandboxPayer.start({
      directory: join(this.config.dataDir, 'sandbox'),
      port: settings.sftpPort,
      fallbackToFreePort: !settings.sftpPortExplicit,
      responseDelayMs: settings.responseDelayMs,
      logger: this.logger,
    });
    this.payer = payer;
    try {
      this.partner = await this.partners.upsertShared(sandboxPartnerInput(payer));
    } catch (error) {
      await this.stop();
      throw error;
    }
    this.logger.info(
      {
        port: payer.port,
        partnerId: this.partner.id,
        payerIds: SANDBOX_PAYER_IDS,
        responseDelayMs: settings.responseDelayMs,
      },
      'sandbox payer listening on 127.0.0.1',
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  private async stop(): Promise<void> {
    const payer = this.payer;
    this.payer = undefined;
    await payer?.stop();
  }
}
