import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError } from '../../common/errors/domain-error';
import type { GatewayRequest } from '../../common/http/request-context';
import type { ApiKeyRole } from './api-key-role';
import { ApiKeysService } from './api-keys.service';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Global guard: every route under /v1 needs `Authorization: Bearer <key>`. Sets `req.principal`
 * (organisation, key id, role) and enforces @Roles; read-only keys may only read.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<GatewayRequest>();
    const path = req.path;
    if (path !== '/v1' && !path.startsWith('/v1/')) return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const header = req.header('authorization');
    const match = header === undefined ? undefined : /^Bearer\s+(\S+)\s*$/i.exec(header);
    const principal = await this.apiKeys.authenticate(
      header === undefined ? undefined : (match?.[1] ?? 'malformed'),
    );
    req.principal = principal;

    const roles = this.reflector.getAllAndOverride<ApiKeyRole[] | undefined>(ROLES_KEY, targets);
    if (roles !== undefined) {
      if (!roles.includes(principal.role)) {
        throw new ForbiddenError('role_forbidden', `This action needs the ${roles.join(' or ')} role.`);
      }
    } else if (principal.role === 'read-only' && !SAFE_METHODS.has(req.method)) {
      throw new ForbiddenError('role_forbidden', 'A read-only API key may only read.');
    }
    return true;
  }
}
