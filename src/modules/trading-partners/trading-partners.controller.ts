import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import type { Principal } from '../../common/http/request-context';
import { CurrentOrg, CurrentPrincipal, RequestId, Roles } from '../api-keys/auth.decorators';
import { actorFromPrincipal } from '../audit/audit.service';
import {
  CreateTradingPartnerRequest,
  toPartnerInput,
  toPartnerPatch,
  TradingPartnerListView,
  TradingPartnerView,
  UpdateTradingPartnerRequest,
} from './trading-partners.dto';
import { TradingPartnersService } from './trading-partners.service';

@ApiTags('admin: trading partners')
@ApiBearerAuth()
@ApiUnauthorizedResponse({
  type: ErrorResponseDto,
  description: 'api_key_missing, api_key_invalid, api_key_revoked',
})
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'role_forbidden: an admin key is needed' })
@Roles('admin')
@Controller('v1/admin/trading-partners')
export class TradingPartnersController {
  constructor(private readonly partners: TradingPartnersService) {}

  @Post()
  @ApiOperation({
    summary: 'Create an SFTP trading partner for the organisation (the credential is write-only)',
  })
  @ApiCreatedResponse({ type: TradingPartnerView })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'validation_failed (details carry JSON paths)',
  })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description:
      'trading_partner_name_taken, trading_partner_payer_conflict (a payer id already has an enabled partner)',
  })
  async create(
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string | undefined,
    @Body() body: CreateTradingPartnerRequest,
  ): Promise<TradingPartnerView> {
    const created = await this.partners.create(
      principal.orgId,
      toPartnerInput(body),
      actorFromPrincipal(principal, requestId),
    );
    return TradingPartnerView.of(created);
  }

  @Get()
  @ApiOperation({ summary: "The organisation's partners, then the shared ones (read-only)" })
  @ApiOkResponse({ type: TradingPartnerListView })
  async list(@CurrentOrg() orgId: string): Promise<TradingPartnerListView> {
    return { items: (await this.partners.listForOrg(orgId)).map((p) => TradingPartnerView.of(p)) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One partner (own or shared)' })
  @ApiOkResponse({ type: TradingPartnerView })
  @ApiNotFoundResponse({
    type: ErrorResponseDto,
    description: "trading_partner_not_found (also another organisation's)",
  })
  async get(@CurrentOrg() orgId: string, @Param('id') id: string): Promise<TradingPartnerView> {
    return TradingPartnerView.of(await this.partners.getForOrg(orgId, id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a partner; send credential to replace the stored secret' })
  @ApiOkResponse({ type: TradingPartnerView })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'validation_failed (details carry JSON paths)',
  })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'trading_partner_not_found' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'trading_partner_shared_read_only' })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'trading_partner_name_taken, trading_partner_payer_conflict',
  })
  async update(
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string | undefined,
    @Param('id') id: string,
    @Body() body: UpdateTradingPartnerRequest,
  ): Promise<TradingPartnerView> {
    const updated = await this.partners.update(
      principal.orgId,
      id,
      toPartnerPatch(body),
      actorFromPrincipal(principal, requestId),
    );
    return TradingPartnerView.of(updated);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable a partner (idempotent): no new batches, no more collection' })
  @ApiOkResponse({ type: TradingPartnerView })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'trading_partner_not_found' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'trading_partner_shared_read_only' })
  async disable(
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string | undefined,
    @Param('id') id: string,
  ): Promise<TradingPartnerView> {
    return TradingPartnerView.of(
      await this.partners.disable(principal.orgId, id, actorFromPrincipal(principal, requestId)),
    );
  }
}
