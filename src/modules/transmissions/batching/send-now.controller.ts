import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorResponseDto } from '../../../common/http/error-response.dto';
import type { Principal } from '../../../common/http/request-context';
import { CurrentPrincipal, RequestId, Roles } from '../../api-keys/auth.decorators';
import { actorFromPrincipal } from '../../audit/audit.service';
import { formatIsa13 } from '../control-numbers/control-number.repository';
import { OutboundService } from './outbound.service';
import { SendNowResponseDto } from './send-now.dto';

@ApiTags('admin: transmissions')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/admin/transmissions')
export class SendNowController {
  constructor(private readonly outbound: OutboundService) {}

  @Post('send-now')
  @HttpCode(200)
  @ApiOperation({
    summary: "Batch the organisation's queued claims into 837 files and deliver due files now",
    description:
      'Does at once what the outbound schedule does every OUTBOUND_TICK_SECONDS, for this organisation: ' +
      'groups queued claims by trading partner and claim type, stores each 837 with control numbers from ' +
      'the ledger, then delivers due files over SFTP. Claims whose payer has no enabled partner stay queued.',
  })
  @ApiOkResponse({ type: SendNowResponseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'role_forbidden: an admin key is needed' })
  async sendNow(
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string | undefined,
  ): Promise<SendNowResponseDto> {
    const result = await this.outbound.sendNow(principal.orgId, actorFromPrincipal(principal, requestId));
    return {
      ...result,
      transmissions: result.transmissions.map((file) => ({ ...file, isa13s: file.isa13s.map(formatIsa13) })),
    };
  }
}
