import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { Clock, SystemClock } from './clock';
import { GatewayExceptionFilter } from './http/exception.filter';
import { GATEWAY_LOGGER, GatewayLogger } from './logging/logger';

/** Global infrastructure: the root logger, the clock and the one exception filter. */
@Global()
@Module({})
export class CommonModule {
  static forRoot(options: { logger: GatewayLogger; clock?: Clock }): DynamicModule {
    return {
      module: CommonModule,
      providers: [
        { provide: GATEWAY_LOGGER, useValue: options.logger },
        options.clock
          ? { provide: Clock, useValue: options.clock }
          : { provide: Clock, useClass: SystemClock },
        { provide: APP_FILTER, useClass: GatewayExceptionFilter },
      ],
      exports: [GATEWAY_LOGGER, Clock],
    };
  }
}
