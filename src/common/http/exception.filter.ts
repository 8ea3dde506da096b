/**
 * The one exception filter. Every error leaves as { error: { code, message, requestId, details? } }:
 * DomainError codes map to a status through their kind; framework errors (unknown route, malformed JSON,
 * oversized body) get stable codes of their own; anything else is a 500 whose message says nothing. Error
 * messages from the framework or a driver are never echoed, because they can quote request content.
 */
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Inject } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, ErrorDetail, HTTP_STATUS_BY_KIND } from '../errors/domain-error';
import { GATEWAY_LOGGER, GatewayLogger } from '../logging/logger';
import type { GatewayRequest } from './request-context';

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    requestId: string | undefined;
    details?: readonly ErrorDetail[] | Record<string, unknown>;
  };
}

const CODE_BY_STATUS: Readonly<Record<number, [string, string]>> = {
  400: ['bad_request', 'The request is invalid.'],
  401: ['unauthenticated', 'Authentication is required.'],
  403: ['forbidden', 'This action is not allowed.'],
  404: ['route_not_found', 'No such route.'],
  405: ['method_not_allowed', 'Method not allowed.'],
  406: ['not_acceptable', 'Not acceptable.'],
  409: ['conflict', 'Conflict.'],
  413: ['payload_too_large', 'The request body is too large.'],
  415: ['unsupported_media_type', 'Unsupported content type.'],
  429: ['rate_limited', 'Too many requests.'],
};

@Catch()
export class GatewayExceptionFilter implements ExceptionFilter {
  constructor(@Inject(GATEWAY_LOGGER) private readonly logger: GatewayLogger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<GatewayRequest>();
    const res = http.getResponse<Response>();
    const { status, body } = toErrorResponse(exception, req.requestId);
    if (status >= 500) {
      this.logger.error(
        { requestId: req.requestId, err: exception, code: body.error.code },
        'unhandled error',
      );
    }
    if (res.headersSent) return;
    res.status(status).json(body);
  }
}

/** The status and body for any thrown value (also used by the body-parsing middleware, outside Nest). */
export function toErrorResponse(
  exception: unknown,
  requestId: string | undefined,
): { status: number; body: ErrorBody } {
  if (exception instanceof DomainError) {
    const body: ErrorBody = { error: { code: exception.code, message: exception.message, requestId } };
    if (exception.details !== undefined) body.error.details = exception.details;
    return { status: HTTP_STATUS_BY_KIND[exception.kind], body };
  }
  const status = statusOf(exception);
  if (status !== undefined && status < 500) {
    const type = (exception as { type?: unknown }).type;
    let [code, message] = CODE_BY_STATUS[status] ?? ['request_failed', 'The request failed.'];
    if (type === 'entity.parse.failed')
      [code, message] = ['malformed_body', 'The request body is not valid JSON.'];
    if (type === 'entity.too.large')
      [code, message] = ['payload_too_large', 'The request body is too large.'];
    if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
      [code, message] = ['unsupported_encoding', 'The request body encoding is not supported.'];
    }
    return { status, body: { error: { code, message, requestId } } };
  }
  return {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    body: { error: { code: 'internal_error', message: 'An unexpected error occurred.', requestId } },
  };
}

function statusOf(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  // body-parser errors carry `status` (400 malformed, 413 too large, 415 charset).
  const status = (exception as { status?: unknown; statusCode?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : undefined;
}
