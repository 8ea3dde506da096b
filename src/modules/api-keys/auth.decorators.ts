import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { GatewayRequest, Principal } from '../../common/http/request-context';
import type { ApiKeyRole } from './api-key-role';

export const ROLES_KEY = 'x12gw:roles';
export const PUBLIC_KEY = 'x12gw:public';

/**
 * Restricts a route (or controller) to these roles. Without it: submitter and admin may call anything,
 * read-only only GET/HEAD.
 */
export const Roles = (...roles: ApiKeyRole[]) => SetMetadata(ROLES_KEY, roles);

/** Marks a /v1 route that needs no API key (none today; health and docs live outside /v1). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

function principalOf(context: ExecutionContext): Principal {
  const principal = context.switchToHttp().getRequest<GatewayRequest>().principal;
  // The guard runs before any handler; a missing principal means a route outside /v1 used the decorator.
  if (!principal)
    throw new Error('CurrentOrg/CurrentPrincipal used on a route without API key authentication');
  return principal;
}

/** The caller's organisation id: pass it to every service call so every query is scoped by it. */
export const CurrentOrg = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  return principalOf(context).orgId;
});

/** The whole principal (org, key id, role), e.g. for audit entries. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    return principalOf(context);
  },
);

/** The request id (X-Request-Id), for audit entries and error correlation. */
export const RequestId = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string | undefined => {
    return context.switchToHttp().getRequest<GatewayRequest>().requestId;
  },
);
