import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import type { Principal } from '../../common/http/request-context';
import { actorFromPrincipal } from '../audit/audit.service';
import { ApiKeyListView, ApiKeyView, CreateApiKeyRequest, CreatedApiKeyView } from './api-keys.dto';
import { ApiKeysService } from './api-keys.service';
import { CurrentOrg, CurrentPrincipal, RequestId, Roles } from './auth.decorators';

@ApiTags('api-keys')
@ApiBearerAuth()
@ApiUnauthorizedResponse({
  type: ErrorResponseDto,
  description: 'api_key_missing, api_key_invalid, api_key_revoked',
})
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'role_forbidden: an admin key is needed' })
@Roles('admin')
@Controller('v1/api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @ApiOperation({ summary: "Create an API key for the caller's organisation (the key is shown once)" })
  @ApiCreatedResponse({ type: CreatedApiKeyView })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'validation_failed' })
  async create(
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string | undefined,
    @Body() body: CreateApiKeyRequest,
  ): Promise<CreatedApiKeyView> {
    const created = await this.apiKeys.create(
      principal.orgId,
      body.role,
      body.name ?? null,
      actorFromPrincipal(principal, requestId),
    );
    return { ...ApiKeyView.of(created.record), key: created.key };
  }

  @Get()
  @ApiOperation({ summary: "List the organisation's API keys (never their secrets)" })
  @ApiOkResponse({ type: ApiKeyListView })
  async list(@CurrentOrg() orgId: string): Promise<ApiKeyListView> {
    return { items: (await this.apiKeys.list(orgId)).map((key) => ApiKeyView.of(key)) };
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke an API key (idempotent)' })
  @ApiOkResponse({ type: ApiKeyView })
  @ApiNotFoundResponse({
    type: ErrorResponseDto,
    description: "api_key_not_found (also for another organisation's key)",
  })
  async revoke(
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string | undefined,
    @Param('id') id: string,
  ): Promise<ApiKeyView> {
    return ApiKeyView.of(
      await this.apiKeys.revoke(principal.orgId, id, actorFromPrincipal(principal, requestId)),
    );
  }
}
