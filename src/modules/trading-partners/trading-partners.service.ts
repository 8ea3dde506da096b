import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import {
  ConflictError,
  DomainError,
  type ErrorDetail,
  NotFoundError,
  ValidationFailedError,
} from '../../common/errors/domain-error';
import { isUuid, newId } from '../../common/ids';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { AuditActor, AuditService } from '../audit/audit.service';
import { PayersRepository } from '../payers/payers.repository';
import type { SftpConnectionOptions } from '../transmissions/sftp/sftp-connection';
import { decryptPartnerCredential, encryptPartnerCredential } from './partner-credentials';
import { TradingPartnerEntity } from './trading-partner.entity';
import {
  PARTNER_SETTING_FIELDS,
  type PartnerCredentialInput,
  type PartnerSettings,
  type TradingPartnerInput,
  type TradingPartnerPatch,
} from './trading-partner.input';
import {
  credentialProblems,
  credentialSecret,
  settingsProblems,
  withDefaults,
} from './trading-partner.rules';
import { TradingPartnersRepository } from './trading-partners.repository';

/** A shared partner cannot be changed through an organisation's admin API. */
export class SharedPartnerReadOnlyError extends DomainError {
  constructor() {
    super(
      'trading_partner_shared_read_only',
      'forbidden',
      'A shared trading partner is managed by the gateway.',
    );
  }
}

const SYSTEM_ACTOR: AuditActor = { type: 'system', job: 'trading-partners' };

/**
 * Trading partners: who serves which payer, how to reach them over SFTP, and how to envelope files for them.
 * The credential is encrypted here and decrypted only into SftpConnectionOptions.
 */
@Injectable()
export class TradingPartnersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly partners: TradingPartnersRepository,
    private readonly payers: PayersRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // --- API for the pipeline (batching, delivery, collection, sandbox) ---

  /**
   * The partner that carries this organisation's claims for the payer: the organisation's own enabled
   * partner serving it, else an enabled shared partner serving it, else undefined.
   */
  async findForPayer(
    manager: EntityManager,
    orgId: string,
    payerId: string,
  ): Promise<TradingPartnerEntity | undefined> {
    return (
      (await this.partners.findEnabledForPayer(manager, orgId, payerId)) ??
      (await this.partners.findEnabledForPayer(manager, null, payerId)) ??
      undefined
    );
  }

  /** Every enabled partner, shared ones included (collection polls each). */
  listEnabled(manager?: EntityManager): Promise<TradingPartnerEntity[]> {
    return this.partners.listEnabled(manager);
  }

  /** A partner by id, whatever its organisation or state (pipeline use; never for org-facing reads). */
  findById(id: string, manager?: EntityManager): Promise<TradingPartnerEntity | undefined>;
  findById(manager: EntityManager | undefined, id: string): Promise<TradingPartnerEntity | undefined>;
  async findById(
    first: string | EntityManager | undefined,
    second?: string | EntityManager,
  ): Promise<TradingPartnerEntity | undefined> {
    // Both argument orders are accepted: the brief and the task named them differently.
    const [id, manager] =
      typeof first === 'string'
        ? [first, second as EntityManager | undefined]
        : [second as string, first as EntityManager | undefined];
    if (!isUuid(id)) return undefined;
    return (await this.partners.findById(id, manager)) ?? undefined;
  }

  /** How to connect: decrypted credential and the pinned host key. Throws partner_credential_unreadable. */
  connectionOptionsFor(partner: TradingPartnerEntity): SftpConnectionOptions {
    const secret = decryptPartnerCredential(
      this.config.secretsKey.reveal(),
      partner.id,
      partner.credentialCiphertext,
    );
    const base = {
      host: partner.host,
      port: partner.port,
      username: partner.username,
      hostKeyFingerprint: partner.hostKeyFingerprint,
    };
    return partner.authMethod === 'password'
      ? { ...base, password: secret }
      : { ...base, privateKey: secret };
  }

  /**
   * Creates or updates the shared partner (org_id null) with this name; idempotent, so it can run at every
   * boot. Audited only when something changed.
   */
  async upsertShared(
    input: TradingPartnerInput,
    options: { manager?: EntityManager; actor?: AuditActor } = {},
  ): Promise<TradingPartnerEntity> {
    const actor = options.actor ?? SYSTEM_ACTOR;
    const work = async (tx: EntityManager): Promise<TradingPartnerEntity> => {
      await this.partners.lockScope(tx, null);
      const existing = await this.partners.findByName(tx, null, input.name.trim());
      if (!existing) return this.insertPartner(tx, null, input, actor);
      return this.updatePartner(tx, existing, input, actor);
    };
    return options.manager ? work(options.manager) : this.dataSource.transaction(work);
  }

  // --- Admin API (organisation-scoped) ---

  async create(orgId: string, input: TradingPartnerInput, actor: AuditActor): Promise<TradingPartnerEntity> {
    return this.dataSource.transaction(async (tx) => {
      await this.partners.lockScope(tx, orgId);
      return this.insertPartner(tx, orgId, input, actor);
    });
  }

  listForOrg(orgId: string): Promise<TradingPartnerEntity[]> {
    return this.partners.listVisibleToOrg(orgId);
  }

  /** The organisation's partner or a shared one; anything else is trading_partner_not_found. */
  async getForOrg(orgId: string, id: string): Promise<TradingPartnerEntity> {
    const found = isUuid(id) ? await this.partners.findVisibleToOrg(orgId, id) : null;
    if (!found) throw new NotFoundError('trading_partner');
    return found;
  }

  async update(
    orgId: string,
    id: string,
    patch: TradingPartnerPatch,
    actor: AuditActor,
  ): Promise<TradingPartnerEntity> {
    return this.dataSource.transaction(async (tx) => {
      await this.partners.lockScope(tx, orgId);
      const existing = await this.ownedForWrite(tx, orgId, id);
      return this.updatePartner(tx, existing, patch, actor);
    });
  }

  async disable(orgId: string, id: string, actor: AuditActor): Promise<TradingPartnerEntity> {
    return this.dataSource.transaction(async (tx) => {
      const existing = await this.ownedForWrite(tx, orgId, id);
      if (!existing.enabled) return existing;
      await this.partners.update(tx, existing.id, { enabled: false, updatedAt: this.clock.now() });
      await this.audit.record(
        actor,
        'trading_partner.disabled',
        'trading_partner',
        existing.id,
        {},
        {
          orgId,
          manager: tx,
        },
      );
      return (await this.partners.findById(existing.id, tx))!;
    });
  }

  // --- internals ---

  private async ownedForWrite(tx: EntityManager, orgId: string, id: string): Promise<TradingPartnerEntity> {
    const found = isUuid(id) ? await this.partners.findVisibleToOrg(orgId, id, tx) : null;
    if (!found) throw new NotFoundError('trading_partner');
    if (found.orgId === null) throw new SharedPartnerReadOnlyError();
    return found;
  }

  private async insertPartner(
    tx: EntityManager,
    orgId: string | null,
    input: TradingPartnerInput,
    actor: AuditActor,
  ): Promise<TradingPartnerEntity> {
    const settings = withDefaults(input, input.credential?.method);
    await this.validate(tx, orgId, settings, input.credential, null);
    const id = newId();
    const now = this.clock.now();
    const entity = Object.assign(new TradingPartnerEntity(), settings, {
      id,
      orgId,
      credentialCiphertext: this.encrypt(id, input.credential),
      createdAt: now,
      updatedAt: now,
    });
    await this.partners.insert(tx, entity);
    await this.audit.record(
      actor,
      'trading_partner.created',
      'trading_partner',
      id,
      { fields: [...PARTNER_SETTING_FIELDS, 'credential'] },
      { orgId, manager: tx },
    );
    return (await this.partners.findById(id, tx))!;
  }

  private async updatePartner(
    tx: EntityManager,
    existing: TradingPartnerEntity,
    patch: TradingPartnerPatch,
    actor: AuditActor,
  ): Promise<TradingPartnerEntity> {
    const current = settingsOf(existing);
    const merged: PartnerSettings = withDefaults(
      { ...current, ...definedOnly(patch) },
      patch.credential?.method ?? existing.authMethod,
    );
    await this.validate(tx, existing.orgId, merged, patch.credential, existing.id);

    const changed = PARTNER_SETTING_FIELDS.filter(
      (field) => stableJson(merged[field]) !== stableJson(current[field]),
    );
    const values: Partial<TradingPartnerEntity> = {};
    for (const field of changed) Object.assign(values, { [field]: merged[field] });
    let credentialChanged = false;
    if (patch.credential !== undefined) {
      credentialChanged =
        patch.credential.method !== existing.authMethod || !this.sameSecret(existing, patch.credential);
      if (credentialChanged) {
        values.authMethod = patch.credential.method;
        values.credentialCiphertext = this.encrypt(existing.id, patch.credential);
      }
    }
    if (changed.length === 0 && !credentialChanged) return existing;
    values.updatedAt = this.clock.now();
    await this.partners.update(tx, existing.id, values);
    await this.audit.record(
      actor,
      'trading_partner.updated',
      'trading_partner',
      existing.id,
      { fields: credentialChanged ? [...changed, 'credential'] : changed },
      { orgId: existing.orgId, manager: tx },
    );
    return (await this.partners.findById(existing.id, tx))!;
  }

  /** Field rules, then the routing rule (a payer id has at most one enabled partner per scope), then names. */
  private async validate(
    tx: EntityManager,
    orgId: string | null,
    settings: PartnerSettings,
    credential: PartnerCredentialInput | undefined,
    selfId: string | null,
  ): Promise<void> {
    const problems: ErrorDetail[] = settingsProblems(settings);
    if (credential !== undefined) problems.push(...credentialProblems(credential));
    else if (selfId === null) {
      problems.push({ path: '$.credential', code: 'required', message: 'credential is required' });
    }
    if (orgId !== null && problems.length === 0) {
      const known = await this.payers.findKnownPayerIds(orgId, settings.payerIds, tx);
      settings.payerIds.forEach((payerId, index) => {
        if (!known.has(payerId)) {
          problems.push({ path: `$.payerIds[${index}]`, code: 'payer_unknown', message: 'no such payer id' });
        }
      });
    }
    if (problems.length > 0) throw new ValidationFailedError(problems);

    const sameName = await this.partners.findByName(tx, orgId, settings.name);
    if (sameName && sameName.id !== selfId) {
      throw new ConflictError(
        'trading_partner_name_taken',
        'A trading partner with this name already exists.',
        {
          partnerId: sameName.id,
        },
      );
    }
    if (settings.enabled && settings.payerIds.length > 0) {
      const overlapping = await this.partners.findEnabledServingAny(tx, orgId, settings.payerIds, selfId);
      if (overlapping.length > 0) {
        const payerIds = settings.payerIds.filter((p) => overlapping.some((o) => o.payerIds.includes(p)));
        throw new ConflictError(
          'trading_partner_payer_conflict',
          'Another enabled trading partner already serves one of these payer ids.',
          { partnerIds: overlapping.map((o) => o.id), payerIds },
        );
      }
    }
  }

  private encrypt(partnerId: string, credential: PartnerCredentialInput): Buffer {
    return encryptPartnerCredential(this.config.secretsKey.reveal(), partnerId, credentialSecret(credential));
  }

  private sameSecret(existing: TradingPartnerEntity, credential: PartnerCredentialInput): boolean {
    try {
      const stored = decryptPartnerCredential(
        this.config.secretsKey.reveal(),
        existing.id,
        existing.credentialCiphertext,
      );
      return stored === credentialSecret(credential);
    } catch {
      // Unreadable under the current key: replacing it is exactly what is wanted.
      return false;
    }
  }
}

function settingsOf(entity: TradingPartnerEntity): PartnerSettings {
  const out = { authMethod: entity.authMethod } as PartnerSettings;
  for (const field of PARTNER_SETTING_FIELDS) Object.assign(out, { [field]: entity[field] });
  return out;
}

/** JSON with object keys sorted: jsonb hands keys back in its own order. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
