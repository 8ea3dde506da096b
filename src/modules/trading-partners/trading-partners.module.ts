import { Module } from '@nestjs/common';
import { PayersModule } from '../payers/payers.module';
import { TradingPartnersController } from './trading-partners.controller';
import { TradingPartnersRepository } from './trading-partners.repository';
import { TradingPartnersService } from './trading-partners.service';

/**
 * Trading partners (SFTP connections to payers and clearinghouses). Exports TradingPartnersService: payer
 * routing (findForPayer), connection options with the decrypted credential, and upsertShared for the sandbox;
 * the admin API under /v1/admin/trading-partners.
 */
@Module({
  imports: [PayersModule],
  controllers: [TradingPartnersController],
  providers: [TradingPartnersRepository, TradingPartnersService],
  exports: [TradingPartnersService],
})
export class TradingPartnersModule {}
