import type { NextFunction, Response } from 'express';
import type { GatewayLogger } from '../logging/logger';
import type { GatewayRequest } from './request-context';

/**
 * One log line per request, written when the response finishes: method, route pattern (`/v1/claims/:id`,
 * never the raw URL with its query string), status, duration, request id and organisation. No headers,
 * no bodies, no query values.
 */
export function requestLogMiddleware(logger: GatewayLogger) {
  return (req: GatewayRequest, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const route = req.route as { path?: unknown } | undefined;
      const pattern = typeof route?.path === 'string' ? `${req.baseUrl}${route.path}` : '(unmatched)';
      const durationMs = Number((process.hrtime.bigint() - started) / 1000n) / 1000;
      const line = {
        requestId: req.requestId,
        method: req.method,
        route: pattern,
        status: res.statusCode,
        durationMs,
        orgId: req.principal?.orgId,
        apiKeyId: req.principal?.apiKeyId,
      };
      if (res.statusCode >= 500) logger.error(line, 'request');
      else logger.info(line, 'request');
    });
    next();
  };
}
