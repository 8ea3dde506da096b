import { Module } from '@nestjs/common';
import { BatchesRepository } from '../batches/batches.repository';
import { PayersModule } from '../payers/payers.module';
import { ClaimBatchesController } from './claim-batches.controller';
import { ClaimIntakeService } from './claim-intake.service';
import { ClaimStatusService } from './claim-status.service';
import { ClaimsController } from './claims.controller';
import { ClaimsQueryService } from './claims-query.service';
import { ClaimStatusEventsRepository } from './repositories/claim-status-events.repository';
import { ClaimsRepository } from './repositories/claims.repository';
import { PartiesRepository } from './repositories/parties.repository';
import { X12ClaimReader } from './x12-claim.reader';

/**
 * Claim intake and claim reads: claims, service lines, diagnoses, status history, and the providers and
 * patients claims refer to (kept here: intake is their only writer). Exports the repository and the
 * status writer the SFTP, acknowledgment and remittance modules reuse.
 */
@Module({
  imports: [PayersModule],
  controllers: [ClaimsController, ClaimBatchesController],
  providers: [
    ClaimsRepository,
    PartiesRepository,
    ClaimStatusEventsRepository,
    BatchesRepository,
    ClaimStatusService,
    ClaimIntakeService,
    ClaimsQueryService,
    X12ClaimReader,
  ],
  exports: [ClaimsRepository, ClaimStatusService, ClaimStatusEventsRepository],
})
export class ClaimsModule {}
