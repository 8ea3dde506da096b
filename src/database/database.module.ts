/**
 * Wires the one DataSource into Nest through @nestjs/typeorm, so feature modules may use
 * `TypeOrmModule.forFeature([...])` or inject `DataSource` directly. Boot order: embedded server (if any),
 * connect, migrations under the advisory lock. On shutdown @nestjs/typeorm destroys the DataSource, which
 * closes the pool and then stops the embedded server (GatewayDataSource.destroy).
 */
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { createDataSource, runMigrationsUnderLock } from './data-source';

@Module({})
export class DatabaseModule {
  static forRoot(): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          // The options object only carries the config to dataSourceFactory, which builds the real options.
          useFactory: (config: AppConfig) =>
            ({
              type: 'postgres',
              config,
              retryAttempts: config.database.mode === 'embedded' ? 0 : 5,
              retryDelay: 2000,
            }) as never,
          dataSourceFactory: async (options) => {
            const config = (options as unknown as { config: AppConfig }).config;
            const dataSource = await createDataSource(config);
            try {
              await dataSource.initialize();
              await runMigrationsUnderLock(dataSource);
            } catch (error) {
              await dataSource.destroy();
              throw error;
            }
            return dataSource;
          },
        }),
      ],
    };
  }
}
