import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OrganizationEntity } from './organization.entity';

@Injectable()
export class OrganizationRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(name: string, manager: EntityManager = this.dataSource.manager): Promise<OrganizationEntity> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(OrganizationEntity)
      .values({ name })
      .returning(['id', 'name', 'createdAt'])
      .execute();
    const row = (result.raw as { id: string; name: string; created_at: Date }[])[0];
    return Object.assign(new OrganizationEntity(), { id: row.id, name: row.name, createdAt: row.created_at });
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<OrganizationEntity | null> {
    return manager.getRepository(OrganizationEntity).findOne({ where: { id } });
  }

  findByName(
    name: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<OrganizationEntity | null> {
    return manager.getRepository(OrganizationEntity).findOne({ where: { name } });
  }

  count(manager: EntityManager = this.dataSource.manager): Promise<number> {
    return manager.getRepository(OrganizationEntity).count();
  }
}
