// Every /v1 route needs a valid, unrevoked API key (401 with a stable code otherwise); @Roles and the
// read-only rule give 403; keys are shown once and stored only as SHA-256; each organisation sees and
// changes only its own keys; the audit log records key changes and refuses UPDATE/DELETE.
import { createHash } from 'node:crypto';
import { AuditLogRepository } from '../../src/modules/audit/audit-log.repository';
import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(60_000);
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

describe('authentication', () => {
  it('401 api_key_missing without an Authorization header, even before looking at the body', async () => {
    const res = await t.http.get('/v1/api-keys').expect(401);
    expect(res.body.error).toMatchObject({ code: 'api_key_missing', requestId: res.headers['x-request-id'] });
    const post = await t.http
      .post('/v1/api-keys')
      .set('Content-Type', 'application/json')
      .send('{oops')
      .expect(401);
    expect(post.body.error.code).toBe('api_key_missing');
  });

  it('401 api_key_invalid for a malformed header, an unknown key, or a key with one character changed', async () => {
    const { key } = await t.createOrgWithKey('admin');
    const tampered = key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');
    for (const header of ['Basic abc', 'Bearer', 'Bearer not-a-key', `Bearer ${tampered}`, `Token ${key}`]) {
      const res = await t.http.get('/v1/api-keys').set('Authorization', header).expect(401);
      expect(res.body.error.code).toBe('api_key_invalid');
    }
  });

  it('401 api_key_revoked once the key is revoked, and the revoked key cannot revoke anything', async () => {
    const { orgId, keyId, key } = await t.createOrgWithKey('admin');
    const other = await t.createKey(orgId, 'admin');
    await t.http.get('/v1/api-keys').set(bearer(key)).expect(200);
    const revoked = await t.http.delete(`/v1/api-keys/${keyId}`).set(bearer(other.key)).expect(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    const res = await t.http.get('/v1/api-keys').set(bearer(key)).expect(401);
    expect(res.body.error.code).toBe('api_key_revoked');
    // Revoking again is idempotent and keeps the first revocation time.
    const again = await t.http.delete(`/v1/api-keys/${keyId}`).set(bearer(other.key)).expect(200);
    expect(again.body.revokedAt).toBe(revoked.body.revokedAt);
  });

  it('403 role_forbidden for a submitter or read-only key on admin endpoints', async () => {
    const { orgId } = await t.createOrgWithKey('admin');
    for (const role of ['submitter', 'read-only'] as const) {
      const { key } = await t.createKey(orgId, role);
      const list = await t.http.get('/v1/api-keys').set(bearer(key)).expect(403);
      expect(list.body.error.code).toBe('role_forbidden');
      await t.http.post('/v1/api-keys').set(bearer(key)).send({ role: 'admin' }).expect(403);
    }
  });

  it('records last_used_at', async () => {
    const { keyId, key } = await t.createOrgWithKey('admin');
    await t.http.get('/v1/api-keys').set(bearer(key)).expect(200);
    const rows = await t.dataSource.query('SELECT last_used_at FROM api_keys WHERE id = $1', [keyId]);
    expect(rows[0].last_used_at).not.toBeNull();
  });
});

describe('API keys', () => {
  it('shows a new key once and stores only its SHA-256', async () => {
    const admin = await t.createOrgWithKey('admin');
    const created = await t.http
      .post('/v1/api-keys')
      .set(bearer(admin.key))
      .send({ role: 'submitter', name: 'workstation 3' })
      .expect(201);
    const key: string = created.body.key;
    expect(key).toMatch(/^x12gw_live_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(created.body).toMatchObject({
      role: 'submitter',
      name: 'workstation 3',
      prefix: key.slice(0, 19),
    });

    const rows: Record<string, unknown>[] = await t.dataSource.query('SELECT * FROM api_keys WHERE id = $1', [
      created.body.id,
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0].key_hash).toBe(createHash('sha256').update(key).digest('hex'));
    const secret = key.slice(20);
    for (const value of Object.values(rows[0])) {
      expect(String(value)).not.toContain(secret);
    }

    // The new key authenticates (a submitter gets 403 on an admin route, not 401), and no listing ever
    // shows a secret again.
    const forbidden = await t.http.get('/v1/api-keys').set(bearer(key)).expect(403);
    expect(forbidden.body.error.code).toBe('role_forbidden');
    const list = await t.http.get('/v1/api-keys').set(bearer(admin.key)).expect(200);
    expect(JSON.stringify(list.body)).not.toContain(secret);
    expect(list.body.items.every((k: Record<string, unknown>) => !('key' in k) && !('keyHash' in k))).toBe(
      true,
    );
  });

  it('validates the request body', async () => {
    const admin = await t.createOrgWithKey('admin');
    const res = await t.http
      .post('/v1/api-keys')
      .set(bearer(admin.key))
      .send({ role: 'owner', x: 1 })
      .expect(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['$.role', '$.x']);
  });

  it("scopes everything to the caller's organisation", async () => {
    const a = await t.createOrgWithKey('admin');
    const b = await t.createOrgWithKey('admin');
    const bSubmitter = await t.createKey(b.orgId, 'submitter');

    const listA = await t.http.get('/v1/api-keys').set(bearer(a.key)).expect(200);
    expect(listA.body.items.map((k: { id: string }) => k.id)).toEqual([a.keyId]);

    // A cannot revoke B's key: it is simply not found, and stays usable.
    const res = await t.http.delete(`/v1/api-keys/${bSubmitter.id}`).set(bearer(a.key)).expect(404);
    expect(res.body.error.code).toBe('api_key_not_found');
    const rows = await t.dataSource.query('SELECT revoked_at FROM api_keys WHERE id = $1', [bSubmitter.id]);
    expect(rows[0].revoked_at).toBeNull();

    // A key A creates belongs to A.
    const created = await t.http
      .post('/v1/api-keys')
      .set(bearer(a.key))
      .send({ role: 'read-only' })
      .expect(201);
    const owner = await t.dataSource.query('SELECT org_id FROM api_keys WHERE id = $1', [created.body.id]);
    expect(owner[0].org_id).toBe(a.orgId);
    const listB = await t.http.get('/v1/api-keys').set(bearer(b.key)).expect(200);
    expect(listB.body.items.map((k: { id: string }) => k.id).sort()).toEqual([b.keyId, bSubmitter.id].sort());

    await t.http.delete('/v1/api-keys/not-a-uuid').set(bearer(a.key)).expect(404);
  });
});

describe('audit log', () => {
  it('records key creation and revocation with the acting key and request id, without secrets', async () => {
    const admin = await t.createOrgWithKey('admin');
    const created = await t.http
      .post('/v1/api-keys')
      .set(bearer(admin.key))
      .set('X-Request-Id', 'audit-req-1')
      .send({ role: 'submitter' })
      .expect(201);
    await t.http.delete(`/v1/api-keys/${created.body.id}`).set(bearer(admin.key)).expect(200);
    const rows: Record<string, unknown>[] = await t.dataSource.query(
      `SELECT action, actor_type, actor_id, object_id, request_id, details FROM audit_log
        WHERE org_id = $1 AND object_id = $2 ORDER BY occurred_at, action`,
      [admin.orgId, created.body.id],
    );
    expect(rows.map((r) => r.action)).toEqual(['api_key.created', 'api_key.revoked']);
    expect(rows[0]).toMatchObject({
      actor_type: 'api-key',
      actor_id: admin.keyId,
      request_id: 'audit-req-1',
    });
    expect(JSON.stringify(rows)).not.toContain(created.body.key.slice(20));
  });

  it('refuses UPDATE and DELETE in the database', async () => {
    await t.createOrg();
    await expect(t.dataSource.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });

  it('exposes no update or delete method on its repository', () => {
    const methods = Object.getOwnPropertyNames(AuditLogRepository.prototype).filter(
      (m) => m !== 'constructor',
    );
    expect(methods.sort()).toEqual(['append', 'listForOrganization']);
    for (const name of methods) expect(name).not.toMatch(/update|delete|remove|save|upsert|clear|truncate/i);
  });
});
