import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { ClaimsModule } from '../claims/claims.module';
import { TradingPartnersModule } from '../trading-partners/trading-partners.module';
import { AdminTransmissionsController } from './admin-transmissions.controller';
import { BatchingRepository } from './batching/batching.repository';
import { BatchingService } from './batching/batching.service';
import { OutboundService } from './batching/outbound.service';
import { SendNowController } from './batching/send-now.controller';
import { ControlNumberRepository } from './control-numbers/control-number.repository';
import { DeliveryService } from './delivery/delivery.service';
import { TransmissionAdminService } from './delivery/transmission-admin.service';
import { OutboundScheduler } from './outbound.scheduler';
import { TransmissionsRepository } from './transmissions.repository';

/**
 * Outbound files: batching queued claims into 837 interchanges, delivering them over SFTP exactly once, and
 * the admin view of their states. Exports the repository (its transition() is how acknowledgments move a
 * transmission), DeliveryService, BatchingService (buildDue) and OutboundService (build then deliver).
 */
@Module({
  imports: [ScheduleModule.forRoot(), ClaimsModule, TradingPartnersModule],
  controllers: [AdminTransmissionsController, SendNowController],
  providers: [
    TransmissionsRepository,
    DeliveryService,
    TransmissionAdminService,
    ControlNumberRepository,
    BatchingRepository,
    BatchingService,
    OutboundService,
    OutboundScheduler,
  ],
  exports: [TransmissionsRepository, DeliveryService, BatchingService, OutboundService],
})
export class TransmissionsModule {}
