/**
 * First start on the embedded database: create a demo organisation and an admin API key (admin, so the demo
 * user can also try the key-management endpoints), and write the key to DATA_DIR/demo-api-key with mode 0600.
 * "First start" means the organisations table is empty; later starts change nothing.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from './config/config';
import { ApiKeysService } from './modules/api-keys/api-keys.service';
import { OrganizationEntity } from './modules/organizations/organization.entity';
import { OrganizationsService } from './modules/organizations/organizations.service';

export const DEMO_ORGANIZATION_NAME = 'Demo Billing Office';
export const DEMO_KEY_FILE = 'demo-api-key';

export interface DemoSeed {
  orgId: string;
  key: string;
  keyFile: string;
}

export async function seedDemoOrganizationOnFirstStart(
  app: INestApplicationContext,
  config: AppConfig,
): Promise<DemoSeed | undefined> {
  if (config.database.mode !== 'embedded') return undefined;
  const dataSource = app.get(DataSource);
  const organizations = app.get(OrganizationsService);
  const apiKeys = app.get(ApiKeysService);
  const actor = { type: 'system', job: 'demo-seed' } as const;
  const seeded = await dataSource.transaction(async (tx) => {
    // Checked inside the transaction: on PGlite one transaction at a time, so two seeds cannot interleave.
    if ((await tx.getRepository(OrganizationEntity).count()) > 0) return undefined;
    const organization = await organizations.create(DEMO_ORGANIZATION_NAME, actor, tx);
    const created = await apiKeys.create(organization.id, 'admin', 'demo key (first start)', actor, tx);
    return { orgId: organization.id, key: created.key };
  });
  if (!seeded) return undefined;
  const keyFile = join(config.dataDir, DEMO_KEY_FILE);
  writeFileSync(keyFile, `${seeded.key}\n`, { mode: 0o600 });
  chmodSync(keyFile, 0o600);
  return { ...seeded, keyFile };
}
