import { Body, Controller, Get, Headers, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { DomainError } from '../../common/errors/domain-error';
import type { GatewayRequest } from '../../common/http/request-context';
import type { Principal } from '../../common/http/request-context';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { CurrentPrincipal, RequestId } from '../api-keys/auth.decorators';
import { actorFromPrincipal } from '../audit/audit.service';
import { ClaimIntakeService, requestHash, type BatchResponse } from './claim-intake.service';
import { claimBatchItems } from './claim-batch.body';
import { ClaimsQueryService } from './claims-query.service';
import { ClaimBatchDto, ClaimBatchRequestDto, ClaimBatchResponseDto } from './dto/intake.dto';
import { X12ClaimReader } from './x12-claim.reader';

export class InvalidIdempotencyKeyError extends DomainError {
  constructor() {
    super('idempotency_key_invalid', 'invalid', 'Idempotency-Key must be 1-255 visible ASCII characters.');
  }
}

function idempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,255}$/.test(header)) throw new InvalidIdempotencyKeyError();
  return header;
}

@ApiTags('claims')
@ApiBearerAuth()
@Controller('v1/claim-batches')
export class ClaimBatchesController {
  constructor(
    private readonly intake: ClaimIntakeService,
    private readonly query: ClaimsQueryService,
    private readonly x12: X12ClaimReader,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Submit up to 5,000 professional or institutional claims',
    description:
      'Runs the claim edits on every claim; claims that pass are stored and queued for the payer. ' +
      'The same Idempotency-Key with the same body returns the first answer and stores nothing new; ' +
      'with a different body it is refused (409 idempotency_key_reused).',
  })
  @ApiBody({ type: ClaimBatchRequestDto })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Makes retries safe (1-255 characters)',
  })
  @ApiAcceptedResponse({ type: ClaimBatchResponseDto })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description:
      'validation_failed, batch_empty, batch_too_large (more than 5,000 claims), idempotency_key_invalid',
  })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'idempotency_key_reused' })
  async submit(
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string | undefined,
    @Body() body: unknown,
    @Headers('idempotency-key') key?: string,
  ): Promise<BatchResponse> {
    const items = claimBatchItems(body);
    return this.intake.submit(principal.orgId, items, {
      source: 'json',
      actor: actorFromPrincipal(principal, requestId),
      idempotencyKey: idempotencyKey(key),
      bodyHash: requestHash('POST /v1/claim-batches', JSON.stringify(body)),
    });
  }

  @Post('x12')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Submit a raw 837P or 837I file',
    description:
      'The file is read and validated by the X12 engine. A file the engine rejects gets 422 with the ' +
      "engine's diagnostics (codes and places, never values); otherwise its claims go through the same " +
      'edits as JSON claims and are stored the same way.',
  })
  @ApiConsumes('text/plain', 'application/edi-x12')
  @ApiBody({ schema: { type: 'string', example: 'ISA*00*...~' } })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiAcceptedResponse({ type: ClaimBatchResponseDto })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponseDto,
    description:
      'x12_rejected / x12_unreadable / x12_no_claims: details.diagnostics lists the engine diagnostics (X12DiagnosticDto)',
  })
  async submitX12(
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string | undefined,
    @Req() request: GatewayRequest,
    @Headers('idempotency-key') key?: string,
  ): Promise<BatchResponse> {
    const text = typeof request.body === 'string' ? request.body : '';
    const items = this.x12.read(text);
    return this.intake.submit(principal.orgId, items, {
      source: 'x12',
      actor: actorFromPrincipal(principal, requestId),
      idempotencyKey: idempotencyKey(key),
      bodyHash: requestHash('POST /v1/claim-batches/x12', text),
    });
  }

  @Get(':id')
  @ApiOperation({ summary: 'A batch and its per-claim results' })
  @ApiOkResponse({ type: ClaimBatchDto })
  @ApiNotFoundResponse({
    type: ErrorResponseDto,
    description: 'claim_batch_not_found (also for another organisation’s batch)',
  })
  async get(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.query.getBatch(principal.orgId, id);
  }
}
