import { Module } from '@nestjs/common';
import { ClaimsModule } from '../claims/claims.module';
import { TradingPartnersModule } from '../trading-partners/trading-partners.module';
import { AdminTransmissionsController } from './admin-transmissions.controller';
import { DeliveryService } from './delivery/delivery.service';
import { TransmissionAdminService } from './delivery/transmission-admin.service';
import { TransmissionsRepository } from './transmissions.repository';

/**
 * Outbound files: batching queued claims into 837 interchanges, delivering them over SFTP exactly once, and
 * the admin view of their states. Exports the repository (its transition() is how acknowledgments move a
 * transmission) and DeliveryService.
 */
@Module({
  imports: [ClaimsModule, TradingPartnersModule],
  controllers: [AdminTransmissionsController],
  providers: [TransmissionsRepository, DeliveryService, TransmissionAdminService],
  exports: [TransmissionsRepository, DeliveryService],
})
export class TransmissionsModule {}
