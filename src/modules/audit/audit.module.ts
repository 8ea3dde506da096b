import { Global, Module } from '@nestjs/common';
import { AuditLogRepository } from './audit-log.repository';
import { AuditService } from './audit.service';

/** Global: every feature module records audit entries. */
@Global()
@Module({ providers: [AuditLogRepository, AuditService], exports: [AuditService] })
export class AuditModule {}
