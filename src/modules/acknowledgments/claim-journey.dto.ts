// OpenAPI documentation of the claim journey (GET /v1/claims/:id `journey`).
import { ApiProperty } from '@nestjs/swagger';

export class ClaimTa1ResultDto {
  @ApiProperty({ enum: ['A', 'E', 'R'], description: 'TA104' }) acknowledgmentCode!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '000', description: 'TA105' })
  noteCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) noteDescription!: string | null;
}

export class ClaimSendDto {
  @ApiProperty({ format: 'uuid' }) transmissionId!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty({ enum: ['837P', '837I'] }) kind!: string;
  @ApiProperty({ description: 'The transmission state now (built, uploading, delivered, accepted, ...)' })
  state!: string;
  @ApiProperty({ example: '000000123' }) isa13!: string;
  @ApiProperty({ example: '123' }) gs06!: string;
  @ApiProperty({ example: '0001' }) st02!: string;
  @ApiProperty() builtAt!: string;
  @ApiProperty({ nullable: true, type: String }) deliveredAt!: string | null;
  @ApiProperty({ type: ClaimTa1ResultDto, nullable: true }) ta1!: ClaimTa1ResultDto | null;
  @ApiProperty({ description: 'The transmission that carries the claim now' }) current!: boolean;
}

export class AcknowledgmentStepDto {
  @ApiProperty({
    enum: ['accepted', 'rejected', 'pending'],
    description:
      'pending: the 277CA neither accepted nor rejected the claim (P pending, R information requested, E1/E2 ' +
      'payer system unavailable...); its codes are in details.statuses',
  })
  result!: string;
  @ApiProperty() at!: string;
  @ApiProperty({ enum: ['ta1', '999', '277ca'] }) source!: string;
  @ApiProperty({
    description:
      'As recorded on the timeline: control numbers, codes with descriptions (999 IK3/IK4 segment, position, ' +
      'loop, element; 277CA status category, status and entity codes); never element values',
  })
  details!: Record<string, unknown>;
}

export class ClaimJourneyDto {
  @ApiProperty({ nullable: true, type: String }) receivedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) queuedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) sentAt!: string | null;
  @ApiProperty({
    type: [ClaimSendDto],
    description: 'Every transmission that carried the claim, oldest first',
  })
  sends!: ClaimSendDto[];
  @ApiProperty({ type: AcknowledgmentStepDto, nullable: true }) ta1!: AcknowledgmentStepDto | null;
  @ApiProperty({ type: AcknowledgmentStepDto, nullable: true })
  acknowledgment999!: AcknowledgmentStepDto | null;
  @ApiProperty({ type: AcknowledgmentStepDto, nullable: true })
  acknowledgment277CA!: AcknowledgmentStepDto | null;
  @ApiProperty({ nullable: true, type: String, description: 'From the 277CA (2200D REF*1K)' })
  payerClaimNumber!: string | null;
}
