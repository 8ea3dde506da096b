import type { Request } from 'express';
import type { ApiKeyRole } from '../../modules/api-keys/api-key-role';

/** Who is calling: set by the API key guard on every authenticated request. */
export interface Principal {
  orgId: string;
  apiKeyId: string;
  role: ApiKeyRole;
}

export interface GatewayRequest extends Request {
  requestId?: string;
  principal?: Principal;
}
