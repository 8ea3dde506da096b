import { Module, type OnModuleInit } from '@nestjs/common';
import { ClaimsModule } from '../claims/claims.module';
import { InboundFileHandlerRegistry } from '../inbound-files/inbound-file-handler.registry';
import { InboundFilesModule } from '../inbound-files/inbound-files.module';
import { TransmissionsModule } from '../transmissions/transmissions.module';
import { AcknowledgmentsRepository } from './acknowledgments.repository';
import { AcknowledgmentsService } from './acknowledgments.service';

/**
 * Acknowledgments back onto claims: registers the TA1, 999 and 277CA handlers with the inbound file
 * registry, so every collected acknowledgment file moves its transmissions and claims (or is quarantined).
 */
@Module({
  imports: [ClaimsModule, TransmissionsModule, InboundFilesModule],
  providers: [AcknowledgmentsRepository, AcknowledgmentsService],
  exports: [AcknowledgmentsService],
})
export class AcknowledgmentsModule implements OnModuleInit {
  constructor(
    private readonly registry: InboundFileHandlerRegistry,
    private readonly acknowledgments: AcknowledgmentsService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      kinds: ['TA1'],
      handle: (manager, file, interchanges) => this.acknowledgments.applyTa1File(manager, file, interchanges),
    });
    this.registry.register({
      kinds: ['999'],
      handle: (manager, file, interchanges) => this.acknowledgments.apply999File(manager, file, interchanges),
    });
    this.registry.register({
      kinds: ['277CA'],
      handle: (manager, file, interchanges) =>
        this.acknowledgments.apply277CAFile(manager, file, interchanges),
    });
  }
}
