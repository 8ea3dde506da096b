import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  type StreamableFile,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import type { Principal } from '../../common/http/request-context';
import { x12Download } from '../../common/http/x12-download';
import { CurrentOrg, CurrentPrincipal, RequestId, Roles } from '../api-keys/auth.decorators';
import { actorFromPrincipal } from '../audit/audit.service';
import {
  ListTransmissionsQueryDto,
  ResolveTransmissionDto,
  TransmissionDetailDto,
  TransmissionDto,
  TransmissionListDto,
} from './delivery/transmission-admin.dto';
import { TransmissionAdminService } from './delivery/transmission-admin.service';

@ApiTags('admin: transmissions')
@ApiBearerAuth()
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'role_forbidden: an admin key is needed' })
@ApiNotFoundResponse({
  type: ErrorResponseDto,
  description: "transmission_not_found (also for another organisation's transmission)",
})
@Roles('admin')
@Controller('v1/admin/transmissions')
export class AdminTransmissionsController {
  constructor(private readonly admin: TransmissionAdminService) {}

  @Get()
  @ApiOperation({
    summary: "List the organisation's outbound files, newest first",
    description: 'Filter by state, e.g. `?state=dead_letter,in_doubt` for the files that need an admin.',
  })
  @ApiOkResponse({ type: TransmissionListDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'validation_failed' })
  list(@CurrentOrg() orgId: string, @Query() query: ListTransmissionsQueryDto): Promise<TransmissionListDto> {
    return this.admin.list(orgId, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One outbound file: state, history, interchanges (never its bytes)' })
  @ApiOkResponse({ type: TransmissionDetailDto })
  get(@CurrentOrg() orgId: string, @Param('id') id: string): Promise<TransmissionDetailDto> {
    return this.admin.get(orgId, id);
  }

  @Get(':id/file')
  @ApiOperation({ summary: 'Download the stored 837 exactly as sent (audited)' })
  @ApiProduces('application/edi-x12')
  @ApiOkResponse({ description: 'The file bytes; X-Content-SHA256 carries their SHA-256' })
  async file(
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string | undefined,
    @Param('id') id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.admin.file(principal.orgId, id, actorFromPrincipal(principal, requestId));
    return x12Download(response, file);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Decide an in-doubt delivery',
    description:
      'delivered: the payer has the file; it becomes delivered and its claims sent. not-delivered: the ' +
      'payer confirmed it does not have it; it goes back to built and is delivered again (the final name ' +
      'is checked first, so a wrong answer does not produce a second copy).',
  })
  @ApiOkResponse({ type: TransmissionDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'transmission_state_conflict: not in_doubt' })
  resolve(
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string | undefined,
    @Param('id') id: string,
    @Body() body: ResolveTransmissionDto,
  ): Promise<TransmissionDto> {
    return this.admin.resolve(principal.orgId, id, body.outcome, actorFromPrincipal(principal, requestId));
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retry a dead-lettered delivery (back to built, due now, attempts reset)' })
  @ApiOkResponse({ type: TransmissionDto })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'transmission_state_conflict: not dead_letter',
  })
  retry(
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string | undefined,
    @Param('id') id: string,
  ): Promise<TransmissionDto> {
    return this.admin.retry(principal.orgId, id, actorFromPrincipal(principal, requestId));
  }
}
