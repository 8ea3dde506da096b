// The SandboxModule in the real app: at boot it starts the sandbox payer and upserts the shared trading
// partner for SANDBOX1-3 (credential, pinned host key, to-payer / from-payer), so claims submitted over the
// API go out to it and its TA1, 999, 277CA and 835 come back onto the claims with no setup. Also: the
// partner survives a restart unchanged, SANDBOX_ENABLED=false starts nothing, and no secret reaches the logs.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { CollectionService } from '../../src/modules/inbound-files/collection.service';
import { TradingPartnersService } from '../../src/modules/trading-partners/trading-partners.service';
import { OutboundService } from '../../src/modules/transmissions/batching/outbound.service';
import { withSftpConnection } from '../../src/modules/transmissions/sftp';
import { SandboxService, SANDBOX_PARTNER_NAME } from '../../src/sandbox/sandbox.service';
import { professionalClaim } from '../claims/claim-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

const ENV = {
  SANDBOX_ENABLED: 'true',
  SANDBOX_SFTP_PORT: '0',
  SANDBOX_RESPONSE_DELAY_MS: '200',
  SCHEDULER_ENABLED: 'false',
};

describe('SandboxModule wiring', () => {
  let dataDir: string;
  let t: TestApp | undefined;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'sandbox-module-'));
  });

  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts the sandbox and upserts the shared partner for SANDBOX1-3; the partner reaches it', async () => {
    t = await createTestApp({ dataDir, env: ENV });
    const sandbox = t.app.get(SandboxService);
    const payer = sandbox.running!;
    expect(payer).toBeDefined();
    const partners = t.app.get(TradingPartnersService);
    const org = await t.createOrg();
    const partner = await t.app
      .get(DataSource)
      .transaction((manager) => partners.findForPayer(manager, org.id, 'SANDBOX1'));
    expect(partner).toMatchObject({
      orgId: null,
      name: SANDBOX_PARTNER_NAME,
      payerIds: ['SANDBOX1', 'SANDBOX2', 'SANDBOX3'],
      host: '127.0.0.1',
      port: payer.port,
      username: 'gateway',
      authMethod: 'password',
      hostKeyFingerprint: payer.hostKeyFingerprint,
      outboundDir: 'to-payer',
      inboundDir: 'from-payer',
      acknowledgmentRequested: true,
      usageIndicator: 'T',
      enabled: true,
    });
    // The stored (encrypted) credential and pinned key open a real SFTP session to the sandbox.
    const listing = await withSftpConnection(partners.connectionOptionsFor(partner!), (connection) =>
      connection.list('/'),
    );
    expect(listing.map((entry) => entry.name).sort()).toEqual(['from-payer', 'to-payer']);
    const line = t.logRecords().find((record) => record.msg === 'sandbox payer listening on 127.0.0.1');
    expect(line).toMatchObject({ port: payer.port, partnerId: partner!.id });
    expect(t.logs.some((text) => text.includes(payer.password))).toBe(false);
  });

  it('keeps the same partner, host key and password after a restart', async () => {
    const before = t!.app.get(SandboxService).sharedPartner!;
    const password = t!.app.get(SandboxService).running!.password;
    await t!.close();
    t = await createTestApp({ dataDir, env: ENV });
    const after = t.app.get(SandboxService).sharedPartner!;
    expect(after.id).toBe(before.id);
    expect(after.hostKeyFingerprint).toBe(before.hostKeyFingerprint);
    expect(t.app.get(SandboxService).running!.password).toBe(password);
    expect(readdirSync(join(dataDir, 'sandbox')).sort()).toEqual(
      expect.arrayContaining(['gateway-login-password', 'ssh_host_ed25519_key', 'sftp']),
    );
  });
});

describe('SANDBOX_ENABLED=false', () => {
  it('starts no sandbox and creates no partner', async () => {
    const t = await createTestApp({ env: { ...ENV, SANDBOX_ENABLED: 'false' } });
    try {
      expect(t.app.get(SandboxService).running).toBeUndefined();
      expect(await t.app.get(TradingPartnersService).listEnabled()).toEqual([]);
    } finally {
      await t.close();
    }
  });
});

describe('claims through the sandbox payer', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: ENV });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('sends claims for SANDBOX1 and applies the 999 and 277CA (a 99 member rejected); the 835 is collected', async () => {
    const { orgId, key } = await t.createOrgWithKey('admin');
    const claims = [0, 1, 2].map((n) => professionalClaim(n, { tag: 'SBX' }));
    (claims[1].subscriber as { memberId: string }).memberId = 'MBR000099';
    const submitted = await t.http
      .post('/v1/claim-batches')
      .set('Authorization', `Bearer ${key}`)
      .send({ claims })
      .expect(202);
    const claimIds = (submitted.body as { results: { claimId: string }[] }).results.map((r) => r.claimId);

    const sent = await t.app.get(OutboundService).sendNow(orgId, { type: 'system', job: 'sandbox-test' });
    expect(sent.transmissions).toHaveLength(1);
    expect(sent.transmissions[0].state).toBe('delivered');

    // The payer answers after its delay: TA1, 999, 277CA and 835 in from-payer/.
    const fromPayer = join(t.app.get(SandboxService).running!.root, 'from-payer');
    const deadline = Date.now() + 20_000;
    while (readdirSync(fromPayer).length < 4) {
      if (Date.now() > deadline) throw new Error('the sandbox did not answer');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const report = await t.app.get(CollectionService).collectAll({ stableForMs: 100 });
    expect(report.totals).toMatchObject({ stored: 4, processFailures: 0, failedPartners: 0 });
    expect(readdirSync(fromPayer)).toEqual([]);

    const journeys = await Promise.all(
      claimIds.map(async (id) => {
        const response = await t.http
          .get(`/v1/claims/${id}`)
          .set('Authorization', `Bearer ${key}`)
          .expect(200);
        return response.body.journey as {
          ta1: { result: string } | null;
          acknowledgment999: { result: string } | null;
          acknowledgment277CA: { result: string; details: Record<string, unknown> } | null;
          payerClaimNumber: string | null;
          sends: { state: string }[];
        };
      }),
    );
    for (const journey of journeys) expect(journey.acknowledgment999?.result).toBe('accepted');
    expect(journeys.map((journey) => journey.acknowledgment277CA?.result)).toEqual([
      'accepted',
      'rejected',
      'accepted',
    ]);
    expect(journeys[0].payerClaimNumber).toMatch(/^SBX\d{9}$/);
    expect(journeys[1].payerClaimNumber).toBeNull();
    expect(JSON.stringify(journeys[1].acknowledgment277CA?.details)).toContain('164');

    const kinds = (await t.dataSource.query(`SELECT kind, state FROM inbound_files ORDER BY kind`)) as {
      kind: string;
      state: string;
    }[];
    expect(kinds.map((row) => row.kind)).toEqual(['277CA', '835', '999', 'TA1']);
  });
});
