import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  INBOUND_FILE_KINDS,
  INBOUND_FILE_STATES,
  type InboundFileKind,
  type InboundFileState,
} from './inbound-file.entity';
import type { InboundFileView } from './inbound-files.service';
import { PageQueryDto } from '../../common/http/page-query.dto';

export class ListInboundFilesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INBOUND_FILE_STATES })
  @IsOptional()
  @IsIn(INBOUND_FILE_STATES)
  state?: InboundFileState;

  @ApiPropertyOptional({ enum: INBOUND_FILE_KINDS })
  @IsOptional()
  @IsIn(INBOUND_FILE_KINDS)
  kind?: InboundFileKind;
}

/** A collected file's metadata: never its bytes (GET /:id/content, audited, returns those). */
export class InboundFileViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) partnerId!: string;
  @ApiProperty({ description: "From a partner shared by every organisation (the gateway's own)" })
  sharedPartner!: boolean;
  @ApiProperty({ description: 'The file name on the partner server' }) remoteName!: string;
  @ApiProperty() sha256!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ enum: INBOUND_FILE_KINDS }) kind!: InboundFileKind;
  @ApiProperty({ enum: INBOUND_FILE_STATES }) state!: InboundFileState;
  @ApiProperty({ nullable: true, type: String, description: 'Stable reason code when quarantined' })
  quarantineCode!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Position and control numbers, no values' })
  quarantineDetail!: string | null;
  @ApiProperty() receivedAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) processedAt!: Date | null;
  @ApiProperty() processCount!: number;
  @ApiProperty({ description: 'Whether this caller may download the bytes' }) contentAvailable!: boolean;

  static of(view: InboundFileView): InboundFileViewDto {
    return Object.assign(new InboundFileViewDto(), {
      id: view.id,
      partnerId: view.partnerId,
      sharedPartner: view.sharedPartner,
      remoteName: view.remoteName,
      sha256: view.sha256,
      sizeBytes: view.sizeBytes,
      kind: view.kind,
      state: view.state,
      quarantineCode: view.quarantineCode,
      quarantineDetail: view.quarantineDetail,
      receivedAt: view.receivedAt,
      processedAt: view.processedAt,
      processCount: view.processCount,
      contentAvailable: view.contentAvailable,
    });
  }
}

export class InboundFileListDto {
  @ApiProperty({ type: [InboundFileViewDto] }) items!: InboundFileViewDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
