import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { ClaimJourneyDto } from '../../acknowledgments/claim-journey.dto';
import { CLAIM_STATUSES, type ClaimStatus } from '../claim-status';
import { ClaimDto } from './claim.dto';
import { PageQueryDto } from '../../../common/http/page-query.dto';

export class ClaimBatchRequestDto {
  // Documentation only: claimBatchItems() checks the container and the claim edits check each claim.
  @ApiProperty({ type: [ClaimDto], description: '1 to 5,000 claims' })
  claims!: Record<string, unknown>[];
}

export class EditErrorDto {
  @ApiProperty({ example: 'NPI_CHECK_DIGIT' }) code!: string;
  @ApiProperty({ example: 'billing.npi', description: 'JSON path in the submitted claim' }) path!: string;
  @ApiProperty() message!: string;
}

export class ClaimResultDto {
  @ApiProperty({ description: '0-based position in the batch' }) index!: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'Set when accepted (and stored)' }) claimId?: string;
  @ApiProperty({ enum: ['accepted', 'rejected'] }) status!: 'accepted' | 'rejected';
  @ApiProperty({ type: [EditErrorDto] }) errors!: EditErrorDto[];
}

export class ClaimBatchResponseDto {
  @ApiProperty({ format: 'uuid' }) batchId!: string;
  @ApiProperty() claimCount!: number;
  @ApiProperty() acceptedCount!: number;
  @ApiProperty() rejectedCount!: number;
  @ApiProperty({ type: [ClaimResultDto] }) results!: ClaimResultDto[];
}

export class ClaimBatchDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['json', 'x12'] }) source!: string;
  @ApiProperty() claimCount!: number;
  @ApiProperty() acceptedCount!: number;
  @ApiProperty() rejectedCount!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: [ClaimResultDto] }) results!: ClaimResultDto[];
}

export class ValidateClaimsResponseDto {
  @ApiProperty({ type: [ClaimResultDto], description: 'claimId is never set: nothing is stored' })
  results!: ClaimResultDto[];
}

export class X12DiagnosticDto {
  @ApiProperty({ example: 'X12-ENV-SE01-COUNT' }) code!: string;
  @ApiProperty({ enum: ['error', 'warning', 'info'] }) severity!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ description: 'Where: loop, segment, position, element (never a value)' }) location!: Record<
    string,
    unknown
  >;
}

export class StatusEventDto {
  @ApiProperty({ enum: CLAIM_STATUSES }) status!: string;
  @ApiProperty() source!: string;
  @ApiProperty({ description: 'Ids, control numbers and codes only' }) details!: Record<string, unknown>;
  @ApiProperty() at!: string;
}

export class ClaimSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) batchId!: string;
  @ApiProperty({ enum: ['professional', 'institutional'] }) kind!: string;
  @ApiProperty({ enum: CLAIM_STATUSES }) status!: string;
  @ApiProperty() payerId!: string;
  @ApiProperty() patientControlNumber!: string;
  @ApiProperty() frequencyCode!: string;
  @ApiProperty({ example: '100.00', description: 'Decimal string' }) totalCharge!: string;
  @ApiProperty() lineCount!: number;
  @ApiProperty({ example: '2024-01-05' }) serviceDateFrom!: string;
  @ApiProperty({ example: '2024-01-05' }) serviceDateTo!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class ClaimDetailDto extends ClaimSummaryDto {
  @ApiProperty({ type: ClaimDto, description: 'The claim as submitted' }) claim!: ClaimDto;
  @ApiProperty({ type: [StatusEventDto], description: 'Status history, oldest first' })
  timeline!: StatusEventDto[];
  @ApiProperty({ type: ClaimJourneyDto, description: 'Received, sent in which interchange, TA1, 999, 277CA' })
  journey!: ClaimJourneyDto;
}

export class ClaimListDto {
  @ApiProperty({ type: [ClaimSummaryDto] }) items!: ClaimSummaryDto[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor!: string | null;
}

export class ListClaimsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CLAIM_STATUSES }) @IsOptional() @IsIn(CLAIM_STATUSES) status?: ClaimStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(80) payerId?: string;
  @ApiPropertyOptional({ description: 'Received at or after (ISO 8601 date or date-time)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
  @ApiPropertyOptional({ description: 'Received before (ISO 8601 date or date-time)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
