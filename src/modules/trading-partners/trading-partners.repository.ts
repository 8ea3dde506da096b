/**
 * trading_partners. Organisation-facing reads take the org id and see the org's own partners plus the shared
 * ones (org_id IS NULL); writes to a shared partner only come from the gateway itself (upsertShared).
 */
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { TradingPartnerEntity } from './trading-partner.entity';

@Injectable()
export class TradingPartnersRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(TradingPartnerEntity);
  }

  /**
   * Serialises partner writes within one scope (an organisation, or the shared partners) until the
   * transaction ends, so two concurrent writes cannot both pass the payer routing check.
   */
  async lockScope(manager: EntityManager, orgId: string | null): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `trading_partners:${orgId ?? 'shared'}`,
    ]);
  }

  /** The enabled partner of this scope (org, or shared when orgId is null) serving the payer id. */
  findEnabledForPayer(
    manager: EntityManager,
    orgId: string | null,
    payerId: string,
  ): Promise<TradingPartnerEntity | null> {
    const query = this.repo(manager)
      .createQueryBuilder('p')
      .where('p.enabled = true')
      .andWhere(':payerId = ANY(p.payer_ids)', { payerId })
      .orderBy('p.created_at', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .limit(1);
    if (orgId === null) query.andWhere('p.org_id IS NULL');
    else query.andWhere('p.org_id = :orgId', { orgId });
    return query.getOne();
  }

  /** Enabled partners of the scope that serve any of the payer ids, other than `exceptId`. */
  findEnabledServingAny(
    manager: EntityManager,
    orgId: string | null,
    payerIds: readonly string[],
    exceptId: string | null,
  ): Promise<TradingPartnerEntity[]> {
    const query = this.repo(manager)
      .createQueryBuilder('p')
      .where('p.enabled = true')
      .andWhere('p.payer_ids && CAST(:payerIds AS text[])', { payerIds: [...payerIds] })
      .orderBy('p.name', 'ASC');
    if (orgId === null) query.andWhere('p.org_id IS NULL');
    else query.andWhere('p.org_id = :orgId', { orgId });
    if (exceptId !== null) query.andWhere('p.id <> :exceptId', { exceptId });
    return query.getMany();
  }

  listEnabled(manager?: EntityManager): Promise<TradingPartnerEntity[]> {
    return this.repo(manager).find({ where: { enabled: true }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findById(id: string, manager?: EntityManager): Promise<TradingPartnerEntity | null> {
    return this.repo(manager).findOne({ where: { id } });
  }

  /** One of the organisation's own partners or a shared one; another organisation's is not found. */
  findVisibleToOrg(orgId: string, id: string, manager?: EntityManager): Promise<TradingPartnerEntity | null> {
    return this.repo(manager)
      .createQueryBuilder('p')
      .where('p.id = :id', { id })
      .andWhere('(p.org_id = :orgId OR p.org_id IS NULL)', { orgId })
      .getOne();
  }

  listVisibleToOrg(orgId: string, manager?: EntityManager): Promise<TradingPartnerEntity[]> {
    return this.repo(manager)
      .createQueryBuilder('p')
      .where('(p.org_id = :orgId OR p.org_id IS NULL)', { orgId })
      .orderBy('p.org_id IS NULL', 'ASC')
      .addOrderBy('p.name', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .getMany();
  }

  findByName(
    manager: EntityManager,
    orgId: string | null,
    name: string,
  ): Promise<TradingPartnerEntity | null> {
    const query = this.repo(manager).createQueryBuilder('p').where('p.name = :name', { name });
    if (orgId === null) query.andWhere('p.org_id IS NULL');
    else query.andWhere('p.org_id = :orgId', { orgId });
    return query.getOne();
  }

  async insert(manager: EntityManager, partner: TradingPartnerEntity): Promise<void> {
    await this.repo(manager).insert(partner);
  }

  async update(manager: EntityManager, id: string, values: Partial<TradingPartnerEntity>): Promise<void> {
    await this.repo(manager).update({ id }, values);
  }
}
