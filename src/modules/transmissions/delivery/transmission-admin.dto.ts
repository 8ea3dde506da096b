// Request and response shapes of the admin transmissions API. Responses never carry the file's bytes: the
// stored 837 is raw X12 (PHI) and is served only by GET /v1/admin/transmissions/:id/file, audited.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { TRANSMISSION_KINDS, TRANSMISSION_STATES } from '../transmission.entity';
import { PageQueryDto } from '../../../common/http/page-query.dto';

export const RESOLVE_OUTCOMES = ['delivered', 'not-delivered'] as const;
export type ResolveOutcome = (typeof RESOLVE_OUTCOMES)[number];

export class ListTransmissionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: `One state or several, comma-separated (${TRANSMISSION_STATES.join(', ')})`,
    example: 'dead_letter,in_doubt',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(/^[a-z_]+(,[a-z_]+)*$/)
  state?: string;
}

export class ResolveTransmissionDto {
  @ApiProperty({
    enum: RESOLVE_OUTCOMES,
    description:
      'delivered: the payer has the file (claims become sent). not-delivered: the payer confirmed it does ' +
      'not have it; the file goes back to built and the next attempt still checks the final name first.',
  })
  @IsIn(RESOLVE_OUTCOMES)
  outcome!: ResolveOutcome;
}

export class TransmissionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) partnerId!: string;
  @ApiProperty({ enum: TRANSMISSION_KINDS }) kind!: string;
  @ApiProperty({ enum: TRANSMISSION_STATES }) state!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty({ description: 'SHA-256 of the stored bytes, hex' }) sha256!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty() claimCount!: number;
  @ApiProperty({ description: 'Delivery attempts started so far (an admin retry resets it)' })
  attempts!: number;
  @ApiProperty({ description: 'When delivery may next be tried (or the current lease ends)' })
  nextAttemptAt!: string;
  @ApiProperty({ nullable: true, type: String, example: 'AUTH_FAILED' }) lastErrorCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) remotePath!: string | null;
  @ApiProperty({ nullable: true, type: String }) deliveredAt!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class TransmissionListDto {
  @ApiProperty({ type: [TransmissionDto] }) items!: TransmissionDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class TransmissionEventDto {
  @ApiProperty({ enum: TRANSMISSION_STATES, nullable: true, type: String }) fromState!: string | null;
  @ApiProperty({ enum: TRANSMISSION_STATES }) toState!: string;
  @ApiProperty({ description: 'Codes, ids and counts (worker, attempt, error code, outcome)' })
  details!: Record<string, unknown>;
  @ApiProperty() at!: string;
}

export class TransmissionInterchangeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '000000123' }) isa13!: string;
  @ApiProperty() senderQualifier!: string;
  @ApiProperty() senderId!: string;
  @ApiProperty() receiverQualifier!: string;
  @ApiProperty() receiverId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'TA1 result once applied (A, E, R)' })
  ta1Status!: string | null;
  @ApiProperty({ nullable: true, type: String }) ta1NoteCode!: string | null;
}

export class TransmissionDetailDto extends TransmissionDto {
  @ApiProperty({ type: [TransmissionEventDto] }) events!: TransmissionEventDto[];
  @ApiProperty({ type: [TransmissionInterchangeDto] }) interchanges!: TransmissionInterchangeDto[];
}
