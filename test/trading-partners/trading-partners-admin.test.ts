// The trading partner admin API over HTTP on the real app: credentials are write-only (a canary never appears
// in a response, a log line, an audit entry or the stored ciphertext), admin role only, organisation scoping,
// the payer routing rule, validation errors with JSON paths, shared partners read-only, and a partner created
// through the API reaching a real OpenSSH sshd with its decrypted credential (and a replaced one).
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SftpConnection } from '../../src/modules/transmissions/sftp/sftp-connection';
import { isSftpError } from '../../src/modules/transmissions/sftp/sftp-errors';
import { TradingPartnerEntity } from '../../src/modules/trading-partners/trading-partner.entity';
import type { TradingPartnerInput } from '../../src/modules/trading-partners/trading-partner.input';
import { TradingPartnersService } from '../../src/modules/trading-partners/trading-partners.service';
import { startSshd, TestSshd } from '../support/sshd';
import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

const BASE = '/v1/admin/trading-partners';
const CANARY = `CANARY-${randomBytes(8).toString('hex')}`;

let t: TestApp;
let sshd: TestSshd;
let service: TradingPartnersService;
let orgA: { orgId: string; key: string };
let orgB: { orgId: string; key: string };
const bodies: string[] = [];

function body(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `Partner ${randomBytes(3).toString('hex')}`,
    payerIds: [],
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

/** Response JSON as the assertions walk it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

/** Sends a request and keeps the response body for the canary sweep at the end. */
async function call(
  method: 'get' | 'post' | 'patch',
  path: string,
  key: string,
  payload?: unknown,
): Promise<{ status: number; body: Json }> {
  let req = t.http[method](path).set('Authorization', `Bearer ${key}`);
  if (payload !== undefined) req = req.send(payload as object);
  const res = await req;
  bodies.push(res.text);
  return { status: res.status, body: res.body as Json };
}

async function storedCiphertext(id: string): Promise<Buffer> {
  const row = await t.dataSource.getRepository(TradingPartnerEntity).findOneByOrFail({ id });
  return row.credentialCiphertext;
}

async function listInbound(partnerId: string): Promise<string[]> {
  const partner = await service.findById(partnerId);
  const connection = await SftpConnection.connect({
    ...service.connectionOptionsFor(partner!),
    connectTimeoutMs: 10_000,
  });
  try {
    return (await connection.list(partner!.inboundDir)).map((entry) => entry.name);
  } finally {
    await connection.close();
  }
}

beforeAll(async () => {
  sshd = await startSshd();
  // Debug level: the canary sweep covers every line the app can write, not only info and above.
  t = await createTestApp({ env: { LOG_LEVEL: 'debug' } });
  service = t.app.get(TradingPartnersService);
  orgA = await t.createOrgWithKey('admin');
  orgB = await t.createOrgWithKey('admin');
});

afterAll(async () => {
  await t?.close();
  await sshd?.stop();
});

describe('trading partner admin API', () => {
  it('creates a partner with a password: the credential is write-only and encrypted at rest', async () => {
    const created = await call(
      'post',
      BASE,
      orgA.key,
      body({ credential: { method: 'password', password: CANARY } }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      shared: false,
      credential: { method: 'password', set: true },
      hostKeyFingerprint: sshd.hostKeyFingerprint,
      port: sshd.port,
      fileNamePattern: '{partner}-{kind}-{isa13}-{date}{time}.x12',
      delimiters: { element: '*', repetition: '^', component: ':', segment: '~' },
      usageIndicator: 'T',
      renameAllowed: true,
      oneInterchangePerFile: true,
    });
    expect(Object.keys(created.body)).not.toContain('credentialCiphertext');
    const id = created.body.id as string;

    const stored = await storedCiphertext(id);
    expect(stored.length).toBe(12 + 16 + CANARY.length);
    expect(stored.includes(Buffer.from(CANARY))).toBe(false);
    expect(stored.toString('latin1')).not.toContain(CANARY);
    // The service, and only the service, reads it back.
    expect(service.connectionOptionsFor((await service.findById(id))!).password).toBe(CANARY);

    expect((await call('get', `${BASE}/${id}`, orgA.key)).body.credential).toEqual({
      method: 'password',
      set: true,
    });
    const patched = await call('patch', `${BASE}/${id}`, orgA.key, {
      credential: { method: 'password', password: `${CANARY}-2` },
      port: 2200,
    });
    expect(patched.status).toBe(200);
    expect(patched.body.port).toBe(2200);
    expect(service.connectionOptionsFor((await service.findById(id))!).password).toBe(`${CANARY}-2`);

    // Sending what is already stored (keys in another order, the same secret) changes nothing and audits nothing.
    const unchanged = await call('patch', `${BASE}/${id}`, orgA.key, {
      delimiters: { segment: '~', component: ':', repetition: '^', element: '*' },
      credential: { method: 'password', password: `${CANARY}-2` },
      port: 2200,
    });
    expect(unchanged.body.updatedAt).toBe(patched.body.updatedAt);

    const audit = (await t.dataSource.query(
      `SELECT action, details::text AS details FROM audit_log WHERE object_id = $1 ORDER BY occurred_at, id`,
      [id],
    )) as { action: string; details: string }[];
    expect(audit.map((a) => a.action)).toEqual(['trading_partner.created', 'trading_partner.updated']);
    expect(JSON.parse(audit[1].details)).toEqual({ fields: ['port', 'credential'] });
    expect(audit.map((a) => a.details).join('\n')).not.toContain('CANARY');
  });

  it('creates a partner with a private key that connects to a real sshd; a replaced key is what gets used', async () => {
    const created = await call('post', BASE, orgA.key, body({ name: 'Key Partner' }));
    expect(created.status).toBe(201);
    expect(created.body.credential).toEqual({ method: 'private-key', set: true });
    const id = created.body.id as string;
    expect((await storedCiphertext(id)).includes(Buffer.from(sshd.privateKey.split('\n')[1]))).toBe(false);

    writeFileSync(join(sshd.inboundDir, 'admin-probe.x12'), 'probe');
    expect(await listInbound(id)).toContain('admin-probe.x12');

    // Replace the key with one the server does not authorise: the next connection uses it and is refused.
    const replaced = await call('patch', `${BASE}/${id}`, orgA.key, {
      credential: { method: 'private-key', privateKey: sshd.generateUnauthorisedKey() },
    });
    expect(replaced.status).toBe(200);
    const refused = await listInbound(id).catch((error: unknown) => error);
    expect(isSftpError(refused) && refused.code).toBe('AUTH_FAILED');

    await call('patch', `${BASE}/${id}`, orgA.key, {
      credential: { method: 'private-key', privateKey: sshd.privateKey },
    });
    expect(await listInbound(id)).toContain('admin-probe.x12');
  });

  it('is for admin keys only', async () => {
    const submitter = await t.createKey(orgA.orgId, 'submitter');
    const readOnly = await t.createKey(orgA.orgId, 'read-only');
    for (const key of [submitter.key, readOnly.key]) {
      const post = await call(
        'post',
        BASE,
        key,
        body({ credential: { method: 'password', password: CANARY } }),
      );
      expect(post.status).toBe(403);
      expect(post.body.error.code).toBe('role_forbidden');
      expect((await call('get', BASE, key)).status).toBe(403);
    }
    await t.http.get(BASE).expect(401);
  });

  it("keeps each organisation's partners to itself (404 for another organisation's)", async () => {
    const created = await call('post', BASE, orgA.key, body({ name: 'Private To A' }));
    const id = created.body.id as string;
    expect((await call('get', `${BASE}/${id}`, orgB.key)).status).toBe(404);
    const patch = await call('patch', `${BASE}/${id}`, orgB.key, { port: 1 });
    expect(patch.status).toBe(404);
    expect(patch.body.error.code).toBe('trading_partner_not_found');
    expect((await call('post', `${BASE}/${id}/disable`, orgB.key)).status).toBe(404);
    expect((await call('get', `${BASE}/not-a-uuid`, orgB.key)).status).toBe(404);
    const listB = await call('get', BASE, orgB.key);
    expect((listB.body.items as { id: string }[]).map((p) => p.id)).not.toContain(id);
    const after = await service.findById(id);
    expect(after?.port).toBe(sshd.port);
    expect(after?.enabled).toBe(true);
  });

  it('routes a payer id to at most one enabled partner per organisation (409), other organisations unaffected', async () => {
    const first = await call('post', BASE, orgA.key, body({ name: 'Route One', payerIds: ['SANDBOX1'] }));
    expect(first.status).toBe(201);
    const clash = await call(
      'post',
      BASE,
      orgA.key,
      body({ name: 'Route Two', payerIds: ['SANDBOX2', 'SANDBOX1'] }),
    );
    expect(clash.status).toBe(409);
    expect(clash.body.error).toMatchObject({
      code: 'trading_partner_payer_conflict',
      details: { partnerIds: [first.body.id], payerIds: ['SANDBOX1'] },
    });
    expect(
      (await call('post', BASE, orgB.key, body({ name: 'Route One', payerIds: ['SANDBOX1'] }))).status,
    ).toBe(201);

    // Disabled partners do not count; re-enabling one that would clash is refused.
    const disabled = await call('post', `${BASE}/${first.body.id}/disable`, orgA.key);
    expect(disabled.status).toBe(200);
    expect(disabled.body.enabled).toBe(false);
    const second = await call('post', BASE, orgA.key, body({ name: 'Route Two', payerIds: ['SANDBOX1'] }));
    expect(second.status).toBe(201);
    const reenable = await call('patch', `${BASE}/${first.body.id}`, orgA.key, { enabled: true });
    expect(reenable.status).toBe(409);
    const manager = t.dataSource.manager;
    expect((await service.findForPayer(manager, orgA.orgId, 'SANDBOX1'))?.id).toBe(second.body.id);

    const sameName = await call('post', BASE, orgA.key, body({ name: 'Route Two' }));
    expect(sameName.status).toBe(409);
    expect(sameName.body.error.code).toBe('trading_partner_name_taken');

    const audit = (await t.dataSource.query(`SELECT action FROM audit_log WHERE object_id = $1`, [
      first.body.id,
    ])) as { action: string }[];
    expect(audit.map((a) => a.action).sort()).toEqual([
      'trading_partner.created',
      'trading_partner.disabled',
    ]);
  });

  it('reports validation errors with stable codes and JSON paths, never the values', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [body({ credential: { method: 'password' } }), '$.credential.password', 'isString'],
      [body({ credential: { method: 'token', password: CANARY } }), '$.credential.method', 'isIn'],
      [body({ credential: undefined }), '$.credential', 'isDefined'],
      [
        body({
          credential: {
            method: 'private-key',
            privateKey: `-----BEGIN OPENSSH PRIVATE KEY-----\n${CANARY}\n`,
          },
        }),
        '$.credential.privateKey',
        'private_key_unreadable',
      ],
      [body({ hostKeyFingerprint: 'aa:bb:cc' }), '$.hostKeyFingerprint', 'format'],
      [
        body({ fileNamePattern: '{partner}-{date}.x12' }),
        '$.fileNamePattern',
        'file_name_pattern_not_unique',
      ],
      [body({ fileNamePattern: '{isa13}/x' }), '$.fileNamePattern', 'file_name_pattern_characters'],
      [
        body({ delimiters: { element: '*', repetition: '*', component: ':', segment: '~' } }),
        '$.delimiters.repetition',
        'duplicate',
      ],
      [
        body({ delimiters: { element: '**', repetition: '^', component: ':', segment: '~' } }),
        '$.delimiters.element',
        'isLength',
      ],
      [body({ isaSenderQualifier: 'zzz' }), '$.isaSenderQualifier', 'format'],
      [body({ isaSenderId: 'A*B' }), '$.isaSenderId', 'characters'],
      [
        body({
          isaSenderId: 'A|B',
          delimiters: { element: '|', repetition: '^', component: ':', segment: '~' },
        }),
        '$.isaSenderId',
        'delimiter',
      ],
      [body({ port: 70000 }), '$.port', 'max'],
      [body({ payerIds: ['SANDBOX1', 'NO-SUCH-PAYER'] }), '$.payerIds[1]', 'payer_unknown'],
      [body({ inboundDisposal: 'move' }), '$.inboundArchiveDir', 'required'],
      [body({ maxClaimsPerTransaction: 5001 }), '$.maxClaimsPerTransaction', 'max'],
      [body({ usageIndicator: 'X' }), '$.usageIndicator', 'isIn'],
      [body({ host: 'bad host name' }), '$.host', 'format'],
      [body({ secretField: CANARY }), '$.secretField', 'whitelistValidation'],
    ];
    for (const [payload, path, code] of cases) {
      const res = await call('post', BASE, orgA.key, { ...payload, credential: payload.credential });
      expect({ path, status: res.status, code: res.body.error?.code }).toEqual({
        path,
        status: 400,
        code: 'validation_failed',
      });
      expect(res.body.error.details).toEqual(
        expect.arrayContaining([expect.objectContaining({ path, code })]),
      );
    }
    // A PATCH is checked as the merged result.
    const created = await call('post', BASE, orgA.key, body({ name: 'Patch Rules' }));
    const bad = await call('patch', `${BASE}/${created.body.id}`, orgA.key, { inboundDisposal: 'move' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([
      expect.objectContaining({ path: '$.inboundArchiveDir', code: 'required' }),
    ]);
    const good = await call('patch', `${BASE}/${created.body.id}`, orgA.key, {
      inboundDisposal: 'move',
      inboundArchiveDir: 'archive',
    });
    expect(good.body).toMatchObject({ inboundDisposal: 'move', inboundArchiveDir: 'archive' });
  });

  it('lists shared partners read-only', async () => {
    const shared = await service.upsertShared({
      ...(body({ name: 'Shared Sandbox', payerIds: ['SANDBOX3'] }) as unknown as TradingPartnerInput),
      credential: { method: 'password', password: CANARY },
    });
    const list = await call('get', BASE, orgA.key);
    const view = (list.body.items as { id: string; shared: boolean }[]).find((p) => p.id === shared.id);
    expect(view).toMatchObject({ shared: true, credential: { method: 'password', set: true } });
    expect((await call('get', `${BASE}/${shared.id}`, orgB.key)).body.shared).toBe(true);
    const patch = await call('patch', `${BASE}/${shared.id}`, orgA.key, { port: 1 });
    expect(patch.status).toBe(403);
    expect(patch.body.error.code).toBe('trading_partner_shared_read_only');
    expect((await call('post', `${BASE}/${shared.id}/disable`, orgA.key)).status).toBe(403);
    expect((await service.findById(shared.id))?.enabled).toBe(true);
  });

  it('documents the endpoints in OpenAPI, with a view schema that has no secret fields', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body as Json;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([BASE, `${BASE}/{id}`, `${BASE}/{id}/disable`]),
    );
    const view = doc.components.schemas.TradingPartnerView as Json;
    expect(Object.keys(view.properties)).toEqual(
      expect.arrayContaining(['credential', 'hostKeyFingerprint']),
    );
    expect(JSON.stringify(view)).not.toMatch(/password|privateKey|ciphertext/i);
    const request = doc.components.schemas.PartnerCredentialRequest as Json;
    expect(request.properties.password.writeOnly).toBe(true);
    expect(request.properties.privateKey.writeOnly).toBe(true);
  });

  it('never let the canary out: no response body and no log line contains it', () => {
    expect(bodies.length).toBeGreaterThan(20);
    for (const text of bodies) expect(text).not.toContain('CANARY');
    expect(t.logs.length).toBeGreaterThan(20);
    for (const line of t.logs) {
      expect(line).not.toContain('CANARY');
      expect(line).not.toContain('PRIVATE KEY');
    }
  });
});
