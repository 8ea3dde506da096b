/**
 * The application: AppModule.forRoot wires the foundation and the feature modules; createGatewayApp builds
 * a configured Nest application (used by main.ts and by test/support/test-app.ts, so tests boot exactly
 * what production boots).
 */
import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json, text } from 'express';
import type { NextFunction, Response } from 'express';
import type { DestinationStream } from 'pino';
import { Clock } from './common/clock';
import { CommonModule } from './common/common.module';
import { toErrorResponse } from './common/http/exception.filter';
import type { GatewayRequest } from './common/http/request-context';
import { requestIdMiddleware } from './common/http/request-id.middleware';
import { requestLogMiddleware } from './common/http/request-log.middleware';
import { createValidationPipe } from './common/http/validation';
import { createLogger, GatewayLogger } from './common/logging/logger';
import { NestPinoLogger } from './common/logging/nest-logger';
import { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { FEATURE_MODULES } from './feature-modules';
import { ApiKeysModule } from './modules/api-keys/api-keys.module';
import { AuditModule } from './modules/audit/audit.module';
import { HealthModule } from './modules/health/health.module';
import { OrganizationsModule } from './modules/organizations/organizations.module';

@Module({})
export class AppModule {
  static forRoot(options: { config: AppConfig; logger: GatewayLogger; clock?: Clock }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(options.config),
        CommonModule.forRoot({ logger: options.logger, clock: options.clock }),
        DatabaseModule.forRoot(),
        AuditModule,
        OrganizationsModule,
        ApiKeysModule,
        HealthModule,
        ...FEATURE_MODULES,
      ],
    };
  }
}

export interface GatewayAppOptions {
  /** Where JSON log lines go (default stdout). Tests pass a collector. */
  logDestination?: DestinationStream;
  /** A fixed clock for tests. */
  clock?: Clock;
}

export interface GatewayApp {
  app: NestExpressApplication;
  logger: GatewayLogger;
}

/** Builds and initialises the app (database connected, migrations applied); does not listen. */
export async function createGatewayApp(
  config: AppConfig,
  options: GatewayAppOptions = {},
): Promise<GatewayApp> {
  const logger = createLogger(config.logLevel, options.logDestination);
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({ config, logger, clock: options.clock }),
    { logger: new NestPinoLogger(logger), bodyParser: false, abortOnError: false },
  );
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(requestIdMiddleware);
  app.use(requestLogMiddleware(logger));
  // Body parsing inside our own middleware, so a malformed or oversized body gets the standard error body
  // (Express's default handler would answer HTML and could echo the body).
  const parsers = [
    json({ limit: config.bodyLimitBytes }),
    text({ type: ['text/plain', 'application/edi-x12', 'application/edi'], limit: config.bodyLimitBytes }),
  ];
  app.use((req: GatewayRequest, res: Response, next: NextFunction) => {
    // A /v1 request without credentials is refused by the guard anyway: do not spend time parsing its body.
    if (req.headers.authorization === undefined && (req.path === '/v1' || req.path.startsWith('/v1/'))) {
      return next();
    }
    const runParser = (index: number): void => {
      if (index === parsers.length) return next();
      parsers[index](req, res, (error?: unknown) => {
        if (error) {
          const { status, body } = toErrorResponse(error, req.requestId);
          res.status(status).json(body);
          return;
        }
        runParser(index + 1);
      });
    };
    runParser(0);
  });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('X12 claims gateway')
      .setDescription(
        'Send professional and institutional claims, follow them through 999/277CA acknowledgments and 835 ' +
          'remittance. Every /v1 route needs `Authorization: Bearer <API key>`.',
      )
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key (x12gw_live_...)' })
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  await app.init();
  return { app, logger };
}
