// TradingPartnersService as the pipeline uses it, on the real app and database: payer routing (own partner
// before a shared one, disabled partners skipped), upsertShared idempotence, and connectionOptionsFor
// against a real OpenSSH sshd with the credential decrypted from the database.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { SftpConnection } from '../../src/modules/transmissions/sftp/sftp-connection';
import { TradingPartnerEntity } from '../../src/modules/trading-partners/trading-partner.entity';
import type { TradingPartnerInput } from '../../src/modules/trading-partners/trading-partner.input';
import { TradingPartnersService } from '../../src/modules/trading-partners/trading-partners.service';
import { startSshd, TestSshd } from '../support/sshd';
import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(90_000);

let t: TestApp;
let sshd: TestSshd;
let service: TradingPartnersService;
const actor = { type: 'system', job: 'test' } as const;

function input(overrides: Partial<TradingPartnerInput> = {}): TradingPartnerInput {
  return {
    name: 'Routing Partner',
    payerIds: ['SANDBOX1'],
    host: sshd.host,
    port: sshd.port,
    username: sshd.username,
    credential: { method: 'private-key', privateKey: sshd.privateKey },
    hostKeyFingerprint: sshd.hostKeyFingerprint,
    outboundDir: sshd.remoteOutbound,
    inboundDir: sshd.remoteInbound,
    isaSenderQualifier: 'ZZ',
    isaSenderId: 'GATEWAYTEST',
    isaReceiverQualifier: 'ZZ',
    isaReceiverId: 'PAYERTEST',
    ...overrides,
  };
}

beforeAll(async () => {
  sshd = await startSshd();
  t = await createTestApp();
  service = t.app.get(TradingPartnersService);
});

afterAll(async () => {
  await t?.close();
  await sshd?.stop();
});

describe('TradingPartnersService (pipeline API)', () => {
  it('routes a payer to the organisation partner before the shared one, skipping disabled partners', async () => {
    const org = await t.createOrg();
    const other = await t.createOrg();
    const shared = await service.upsertShared(
      input({ name: 'Shared Routing', payerIds: ['SANDBOX1', 'SANDBOX2'] }),
    );
    expect(shared.orgId).toBeNull();

    const manager = t.dataSource.manager;
    expect((await service.findForPayer(manager, org.id, 'SANDBOX1'))?.id).toBe(shared.id);
    expect(await service.findForPayer(manager, org.id, 'NOPAYER')).toBeUndefined();

    const own = await service.create(org.id, input({ name: 'Own', payerIds: ['SANDBOX1'] }), actor);
    expect((await service.findForPayer(manager, org.id, 'SANDBOX1'))?.id).toBe(own.id);
    expect((await service.findForPayer(manager, org.id, 'SANDBOX2'))?.id).toBe(shared.id);
    // Another organisation still goes to the shared partner.
    expect((await service.findForPayer(manager, other.id, 'SANDBOX1'))?.id).toBe(shared.id);

    await service.disable(org.id, own.id, actor);
    expect((await service.findForPayer(manager, org.id, 'SANDBOX1'))?.id).toBe(shared.id);
    const enabledIds = (await service.listEnabled()).map((p) => p.id);
    expect(enabledIds).toContain(shared.id);
    expect(enabledIds).not.toContain(own.id);
    expect((await service.findById(own.id))?.enabled).toBe(false);
    expect((await service.findById(t.dataSource.manager, own.id))?.id).toBe(own.id);
    expect(await service.findById('not-a-uuid')).toBeUndefined();
  });

  it('upsertShared is idempotent by name and updates in place', async () => {
    const first = await service.upsertShared(input({ name: 'Sandbox Idem', payerIds: ['SANDBOX3'] }));
    const second = await service.upsertShared(
      input({ name: 'Sandbox Idem', payerIds: ['SANDBOX3'], port: 2022 }),
    );
    expect(second.id).toBe(first.id);
    expect(second.port).toBe(2022);
    const rows = await t.dataSource
      .getRepository(TradingPartnerEntity)
      .count({ where: { name: 'Sandbox Idem' } });
    expect(rows).toBe(1);
  });

  it('concurrent writes keep the routing rule and one shared partner per name (advisory lock per scope)', async () => {
    const org = await t.createOrg();
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        service.create(org.id, input({ name: `Racer ${i}`, payerIds: ['SANDBOX2'] }), actor),
      ),
    );
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const codes = results.flatMap((r) =>
      r.status === 'rejected' ? [(r.reason as { code?: string }).code] : [],
    );
    expect(fulfilled).toHaveLength(1);
    expect(codes).toEqual(Array(5).fill('trading_partner_payer_conflict'));

    const shared = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        service.upsertShared(input({ name: 'Shared Racer', payerIds: [], port: 3000 + i })),
      ),
    );
    expect(new Set(shared.map((p) => p.id)).size).toBe(1);
    const rows = await t.dataSource
      .getRepository(TradingPartnerEntity)
      .find({ where: { name: 'Shared Racer' } });
    expect(rows).toHaveLength(1);
  });

  it('refuses a tampered or transplanted ciphertext with partner_credential_unreadable; a new credential heals it', async () => {
    const org = await t.createOrg();
    const a = await service.create(org.id, input({ name: 'Cipher A', payerIds: [] }), actor);
    const b = await service.create(
      org.id,
      input({ name: 'Cipher B', payerIds: [], credential: { method: 'password', password: 'CANARY-b' } }),
      actor,
    );
    const repo = t.dataSource.getRepository(TradingPartnerEntity);
    const codeOf = async (id: string): Promise<unknown> => {
      try {
        service.connectionOptionsFor(await repo.findOneByOrFail({ id }));
        return 'readable';
      } catch (error) {
        expect(String((error as Error).message)).not.toContain('CANARY');
        return (error as { code?: string }).code;
      }
    };
    // B's ciphertext copied onto A's row: the partner id is authenticated data, so it does not decrypt.
    await repo.update({ id: a.id }, { credentialCiphertext: b.credentialCiphertext });
    expect(await codeOf(a.id)).toBe('partner_credential_unreadable');
    const tampered = Buffer.from(b.credentialCiphertext);
    tampered[tampered.length - 1] ^= 0xff;
    await repo.update({ id: b.id }, { credentialCiphertext: tampered });
    expect(await codeOf(b.id)).toBe('partner_credential_unreadable');

    await service.update(
      org.id,
      a.id,
      { credential: { method: 'private-key', privateKey: sshd.privateKey } },
      actor,
    );
    expect(await codeOf(a.id)).toBe('readable');
  });

  it('connectionOptionsFor connects to a real sshd and lists a directory with the stored credential', async () => {
    const org = await t.createOrg();
    const partner = await service.create(org.id, input({ name: 'Real SSHD', payerIds: [] }), actor);
    writeFileSync(join(sshd.inboundDir, 'probe-file.x12'), 'probe');
    const fresh = await t.app
      .get(DataSource)
      .getRepository(TradingPartnerEntity)
      .findOneByOrFail({ id: partner.id });
    const options = service.connectionOptionsFor(fresh);
    expect(options.privateKey).toBe(sshd.privateKey);
    expect(options.hostKeyFingerprint).toBe(sshd.hostKeyFingerprint);
    const connection = await SftpConnection.connect({ ...options, connectTimeoutMs: 10_000 });
    try {
      const names = (await connection.list(fresh.inboundDir)).map((entry) => entry.name);
      expect(names).toContain('probe-file.x12');
    } finally {
      await connection.close();
    }
  });
});
