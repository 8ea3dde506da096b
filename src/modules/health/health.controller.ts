import { Controller, Get, HttpCode } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';

/** Liveness and readiness, outside /v1 so they need no API key (for load balancers and orchestrators). */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('live')
  @HttpCode(200)
  @ApiOperation({ summary: 'The process is up' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get()
  @HttpCode(200)
  @ApiOperation({ summary: 'Same as /health/ready' })
  health(): Promise<{ status: 'ok'; database: 'ok' }> {
    return this.ready();
  }

  @Get('ready')
  @HttpCode(200)
  @ApiOperation({ summary: 'The process can serve requests: the database answers' })
  async ready(): Promise<{ status: 'ok'; database: 'ok' }> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new DomainError('database_unavailable', 'unavailable', 'The database is not reachable.');
    }
    return { status: 'ok', database: 'ok' };
  }
}
