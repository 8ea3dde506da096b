import type { NextFunction, Response } from 'express';
import { newId } from '../ids';
import type { GatewayRequest } from './request-context';

const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;
export const REQUEST_ID_HEADER = 'x-request-id';

/** Takes the caller's X-Request-Id when it is a plain token (else makes one) and echoes it on the response. */
export function requestIdMiddleware(req: GatewayRequest, res: Response, next: NextFunction): void {
  const incoming = req.header(REQUEST_ID_HEADER);
  req.requestId = incoming !== undefined && ACCEPTABLE.test(incoming) ? incoming : newId();
  res.setHeader('X-Request-Id', req.requestId);
  next();
}
