import { Module } from '@nestjs/common';
import { TradingPartnersModule } from '../modules/trading-partners/trading-partners.module';
import { SandboxService } from './sandbox.service';

/**
 * The built-in sandbox payer (an SFTP server and a payer simulator in this process), enabled by
 * SANDBOX_ENABLED. Exports SandboxService (the running payer and its shared trading partner).
 */
@Module({
  imports: [TradingPartnersModule],
  providers: [SandboxService],
  exports: [SandboxService],
})
export class SandboxModule {}
