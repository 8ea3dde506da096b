import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TradingPartnersModule } from '../trading-partners/trading-partners.module';
import { CollectionScheduler } from './collection.scheduler';
import { CollectionService } from './collection.service';
import { InboundFileHandlerRegistry } from './inbound-file-handler.registry';
import { InboundFilesController } from './inbound-files.controller';
import { InboundFilesRepository } from './inbound-files.repository';
import { InboundFilesService } from './inbound-files.service';

/**
 * Inbound files: collection from partners' inbound directories (scheduled), the file ledger, and processing
 * by kind. Exports the handler registry (modules that consume files register their handler in
 * onModuleInit) and InboundFilesService (process, reprocess).
 */
@Module({
  imports: [ScheduleModule.forRoot(), TradingPartnersModule],
  controllers: [InboundFilesController],
  providers: [
    InboundFilesRepository,
    InboundFileHandlerRegistry,
    InboundFilesService,
    CollectionService,
    CollectionScheduler,
  ],
  exports: [InboundFileHandlerRegistry, InboundFilesService, CollectionService],
})
export class InboundFilesModule {}
