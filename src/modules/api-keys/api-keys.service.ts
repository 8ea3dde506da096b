import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { AuthenticationError, NotFoundError } from '../../common/errors/domain-error';
import type { Principal } from '../../common/http/request-context';
import { isUuid } from '../../common/ids';
import { AuditActor, AuditService } from '../audit/audit.service';
import { ApiKeyEntity } from './api-key.entity';
import { ApiKeyRepository } from './api-key.repository';
import type { ApiKeyRole } from './api-key-role';
import { generateApiKey, hashApiKey, looksLikeApiKey } from './api-key-secret';

export interface CreatedApiKey {
  record: ApiKeyEntity;
  /** The whole key, returned once. */
  key: string;
}

/** last_used_at is refreshed at most this often per key, so reads do not turn into a write per request. */
const LAST_USED_RESOLUTION_MS = 60_000;

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: ApiKeyRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Creates a key for `orgId`; the caller shows `key` once. Audited in the same transaction. */
  async create(
    orgId: string,
    role: ApiKeyRole,
    name: string | null,
    actor: AuditActor,
    manager?: EntityManager,
  ): Promise<CreatedApiKey> {
    const generated = generateApiKey();
    const work = async (tx: EntityManager) => {
      const record = await this.keys.insert(
        { orgId, prefix: generated.prefix, keyHash: generated.hash, role, name },
        tx,
      );
      await this.audit.record(
        actor,
        'api_key.created',
        'api_key',
        record.id,
        { role, prefix: record.prefix },
        {
          orgId,
          manager: tx,
        },
      );
      return { record, key: generated.key };
    };
    return manager ? work(manager) : this.dataSource.transaction(work);
  }

  list(orgId: string): Promise<ApiKeyEntity[]> {
    return this.keys.listForOrganization(orgId);
  }

  /** Revokes one of the organisation's keys. Another organisation's key id is simply not found. */
  async revoke(orgId: string, id: string, actor: AuditActor): Promise<ApiKeyEntity> {
    if (!isUuid(id)) throw new NotFoundError('api_key');
    return this.dataSource.transaction(async (tx) => {
      const existing = await this.keys.findInOrganization(orgId, id, tx);
      if (!existing) throw new NotFoundError('api_key');
      if (existing.revokedAt === null) {
        await this.keys.revoke(orgId, id, this.clock.now(), tx);
        await this.audit.record(
          actor,
          'api_key.revoked',
          'api_key',
          id,
          { prefix: existing.prefix },
          {
            orgId,
            manager: tx,
          },
        );
      }
      return (await this.keys.findInOrganization(orgId, id, tx))!;
    });
  }

  /** Resolves a bearer token to its organisation and role, or throws a 401 domain error. */
  async authenticate(token: string | undefined): Promise<Principal> {
    if (token === undefined || token === '') {
      throw new AuthenticationError('api_key_missing', 'Send an API key as `Authorization: Bearer <key>`.');
    }
    if (!looksLikeApiKey(token))
      throw new AuthenticationError('api_key_invalid', 'The API key is not valid.');
    const key = await this.keys.findByHash(hashApiKey(token));
    if (!key) throw new AuthenticationError('api_key_invalid', 'The API key is not valid.');
    if (key.revokedAt !== null)
      throw new AuthenticationError('api_key_revoked', 'The API key has been revoked.');
    const now = this.clock.now();
    if (key.lastUsedAt === null || now.getTime() - key.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
      await this.keys.touchLastUsed(key.id, now);
    }
    return { orgId: key.orgId, apiKeyId: key.id, role: key.role };
  }
}
