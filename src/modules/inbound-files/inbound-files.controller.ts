import { Controller, Get, HttpCode, Param, Post, Query, Res, type StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import type { Principal } from '../../common/http/request-context';
import { x12Download } from '../../common/http/x12-download';
import { CurrentOrg, CurrentPrincipal, RequestId, Roles } from '../api-keys/auth.decorators';
import { actorFromPrincipal } from '../audit/audit.service';
import { InboundFileListDto, InboundFileViewDto, ListInboundFilesQueryDto } from './inbound-files.dto';
import { InboundFilesService } from './inbound-files.service';

@ApiTags('admin: inbound files')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'api_key_missing, api_key_invalid' })
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'role_forbidden: an admin key is needed' })
@Roles('admin')
@Controller('v1/admin/inbound-files')
export class InboundFilesController {
  constructor(private readonly files: InboundFilesService) {}

  @Get()
  @ApiOperation({
    summary: "Files collected from the organisation's partners and from shared partners, newest first",
  })
  @ApiOkResponse({ type: InboundFileListDto })
  async list(
    @CurrentOrg() orgId: string,
    @Query() query: ListInboundFilesQueryDto,
  ): Promise<InboundFileListDto> {
    const page = await this.files.list(orgId, query);
    return { items: page.data.map((view) => InboundFileViewDto.of(view)), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One collected file: kind, state, quarantine code and position (never its bytes)',
  })
  @ApiOkResponse({ type: InboundFileViewDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'inbound_file_not_found' })
  async get(@CurrentOrg() orgId: string, @Param('id') id: string): Promise<InboundFileViewDto> {
    return InboundFileViewDto.of(await this.files.get(orgId, id));
  }

  @Get(':id/content')
  @ApiOperation({
    summary: 'Download the raw bytes as collected (audited)',
    description:
      "A shared partner's file is available only to an admin of the one organisation its matched " +
      'transmissions belong to (inbound_file_content_forbidden otherwise).',
  })
  @ApiProduces('application/edi-x12')
  @ApiOkResponse({ description: 'The file bytes; X-Content-SHA256 carries their SHA-256' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'inbound_file_content_forbidden' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'inbound_file_not_found' })
  async content(
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string | undefined,
    @Param('id') id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.files.content(principal.orgId, id, actorFromPrincipal(principal, requestId));
    return x12Download(response, { bytes: file.bytes, sha256: file.sha256, fileName: file.remoteName });
  }

  @Post(':id/reprocess')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Process the stored file again (after an engine fix or once its transmission is known); audited',
  })
  @ApiOkResponse({ type: InboundFileViewDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'inbound_file_already_applied' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'inbound_file_not_found' })
  async reprocess(
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string | undefined,
    @Param('id') id: string,
  ): Promise<InboundFileViewDto> {
    return InboundFileViewDto.of(
      await this.files.reprocess(principal.orgId, id, actorFromPrincipal(principal, requestId)),
    );
  }
}
