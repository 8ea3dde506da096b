import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { CurrentOrg } from '../api-keys/auth.decorators';
import { ClaimIntakeService } from './claim-intake.service';
import { claimBatchItems } from './claim-batch.body';
import { ClaimsQueryService } from './claims-query.service';
import {
  ClaimBatchRequestDto,
  ClaimDetailDto,
  ClaimListDto,
  ListClaimsQueryDto,
  ValidateClaimsResponseDto,
} from './dto/intake.dto';

@ApiTags('claims')
@ApiBearerAuth()
@Controller('v1/claims')
export class ClaimsController {
  constructor(
    private readonly intake: ClaimIntakeService,
    private readonly query: ClaimsQueryService,
  ) {}

  @Post('validate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Run the claim edits without storing anything' })
  @ApiOkResponse({ type: ValidateClaimsResponseDto })
  @ApiBody({ type: ClaimBatchRequestDto })
  async validate(@CurrentOrg() orgId: string, @Body() body: unknown) {
    const items = claimBatchItems(body);
    return { results: await this.intake.validate(orgId, items) };
  }

  @Get()
  @ApiOperation({ summary: 'List claims, newest first, filtered by status, payer and received date' })
  @ApiOkResponse({ type: ClaimListDto })
  async list(@CurrentOrg() orgId: string, @Query() query: ListClaimsQueryDto) {
    return this.query.listClaims(orgId, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A claim as submitted, with its status timeline' })
  @ApiOkResponse({ type: ClaimDetailDto })
  @ApiNotFoundResponse({
    type: ErrorResponseDto,
    description: 'claim_not_found (also for another organisation’s claim)',
  })
  async get(@CurrentOrg() orgId: string, @Param('id') id: string) {
    return this.query.getClaim(orgId, id);
  }
}
