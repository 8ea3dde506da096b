/**
 * Feature modules beyond the service foundation (claims, batches, transmissions, ...). Each team adds its
 * module here with a one-line edit; AppModule imports them all after the foundation (config, database,
 * common, organisations, API keys, audit, health).
 */
import type { DynamicModule, Type } from '@nestjs/common';
import { AcknowledgmentsModule } from './modules/acknowledgments/acknowledgments.module';
import { ClaimsModule } from './modules/claims/claims.module';
import { InboundFilesModule } from './modules/inbound-files/inbound-files.module';
import { TradingPartnersModule } from './modules/trading-partners/trading-partners.module';
import { TransmissionsModule } from './modules/transmissions/transmissions.module';
import { SandboxModule } from './sandbox/sandbox.module';

export const FEATURE_MODULES: (Type | DynamicModule)[] = [
  ClaimsModule,
  TradingPartnersModule,
  TransmissionsModule,
  InboundFilesModule,
  AcknowledgmentsModule,
  SandboxModule,
];
