// Response of POST /v1/admin/transmissions/send-now: counts, ids, control numbers and states only (no claim data).
import { ApiProperty } from '@nestjs/swagger';
import { TRANSMISSION_KINDS, TRANSMISSION_STATES } from '../transmission.entity';

export class SendNowTransmissionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: TRANSMISSION_KINDS }) kind!: string;
  @ApiProperty({ format: 'uuid' }) partnerId!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() claimCount!: number;
  @ApiProperty({ type: [String], description: 'ISA13 of each interchange in the file (9 digits)' })
  isa13s!: string[];
  @ApiProperty({
    enum: [...TRANSMISSION_STATES, 'unknown'],
    description: 'State after this request delivered due files (built again means it will be retried)',
  })
  state!: string;
}

export class SendNowFailureDto {
  @ApiProperty({ format: 'uuid' }) partnerId!: string;
  @ApiProperty({ enum: TRANSMISSION_KINDS }) kind!: string;
  @ApiProperty({ example: 'batch_837_invalid' }) code!: string;
}

export class SendNowResponseDto {
  @ApiProperty({ description: 'Queued claims put into new files by this request' }) claimsBatched!: number;
  @ApiProperty({ description: 'Queued claims left waiting: no enabled trading partner serves their payer' })
  claimsWithoutPartner!: number;
  @ApiProperty({ description: 'New files that reached the partner during this request' }) delivered!: number;
  @ApiProperty({ type: [SendNowTransmissionDto] }) transmissions!: SendNowTransmissionDto[];
  @ApiProperty({
    type: [SendNowFailureDto],
    description: 'Groups whose file could not be built (their claims stay queued)',
  })
  failures!: SendNowFailureDto[];
}
