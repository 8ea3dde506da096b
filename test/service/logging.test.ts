// Logs are JSON lines; each request gives one line with the request id, route pattern, status, duration and
// organisation, and never the Authorization value, query values or body content.
import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(60_000);
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

it('writes every line as JSON, Nest bootstrap lines included', () => {
  expect(t.logs.length).toBeGreaterThan(0);
  for (const line of t.logs) expect(() => JSON.parse(line)).not.toThrow();
  expect(t.logRecords().some((r) => r.context === 'NestApplication')).toBe(true);
});

it('logs one line per request with request id, route pattern and org, and no credentials or values', async () => {
  const admin = await t.createOrgWithKey('admin');
  const canary = 'CANARY-Q-7f3a';
  const bodyCanary = 'CANARY-BODY-91c2';
  const before = t.logs.length;

  const list = await t.http.get(`/v1/api-keys?search=${canary}`).set('Authorization', `Bearer ${admin.key}`);
  expect(list.status).toBe(200);
  const bad = await t.http
    .post('/v1/api-keys')
    .set('Authorization', `Bearer ${admin.key}`)
    .send({ role: bodyCanary, name: bodyCanary });
  expect(bad.status).toBe(400);
  const malformed = await t.http
    .post('/v1/api-keys')
    .set('Authorization', `Bearer ${admin.key}`)
    .set('Content-Type', 'application/json')
    .send(`{"name": "${bodyCanary}", oops}`);
  expect(malformed.status).toBe(400);
  expect(JSON.stringify(malformed.body)).not.toContain(bodyCanary);
  const revoke = await t.http
    .delete(`/v1/api-keys/${admin.keyId}?reason=${canary}`)
    .set('Authorization', `Bearer ${admin.key}`)
    .expect(200);
  await t.http.get('/v1/api-keys').set('Authorization', `Bearer ${admin.key}`).expect(401);

  const lines = t.logs.slice(before);
  const text = lines.join('\n');
  for (const secret of [admin.key, admin.key.slice(20), canary, bodyCanary])
    expect(text).not.toContain(secret);
  expect(text.toLowerCase()).not.toContain('bearer');

  const requests = lines.map((l) => JSON.parse(l)).filter((r) => r.msg === 'request');
  expect(requests).toHaveLength(5);
  expect(requests[0]).toMatchObject({
    method: 'GET',
    route: '/v1/api-keys',
    status: 200,
    requestId: list.headers['x-request-id'],
    orgId: admin.orgId,
    level: 'info',
  });
  expect(requests[0].durationMs).toEqual(expect.any(Number));
  expect(requests[3]).toMatchObject({
    method: 'DELETE',
    route: '/v1/api-keys/:id',
    status: 200,
    requestId: revoke.headers['x-request-id'],
  });
  expect(requests[4]).toMatchObject({ status: 401 });
  expect(requests[4].orgId).toBeUndefined();
});
