// Health endpoints need no API key; readiness checks the database; the OpenAPI document is served.
import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(60_000);
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

it('answers liveness and readiness without an API key', async () => {
  await t.http.get('/health/live').expect(200, { status: 'ok' });
  await t.http.get('/health/ready').expect(200, { status: 'ok', database: 'ok' });
  await t.http.get('/health').expect(200, { status: 'ok', database: 'ok' });
});

it('serves the OpenAPI document at /docs-json and the UI at /docs', async () => {
  const json = await t.http.get('/docs-json').expect(200);
  expect(json.body.openapi).toMatch(/^3\./);
  expect(Object.keys(json.body.paths)).toEqual(expect.arrayContaining(['/v1/api-keys', '/v1/api-keys/{id}']));
  expect(json.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  await t.http.get('/docs').expect(200);
});

it('echoes a caller X-Request-Id and makes one otherwise', async () => {
  const echoed = await t.http.get('/health/live').set('X-Request-Id', 'abc-123').expect(200);
  expect(echoed.headers['x-request-id']).toBe('abc-123');
  const made = await t.http.get('/health/live').set('X-Request-Id', 'not ok; drop').expect(200);
  expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
});

it('answers unknown routes with the standard error body', async () => {
  const res = await t.http.get('/nope?x=secret-value').expect(404);
  expect(res.body).toEqual({
    error: { code: 'route_not_found', message: 'No such route.', requestId: res.headers['x-request-id'] },
  });
  expect(JSON.stringify(res.body)).not.toContain('secret-value');
});

it('closes gracefully: readiness fails once the database is closed, and close is idempotent', async () => {
  const other = await createTestApp();
  await other.http.get('/health/ready').expect(200);
  await other.close();
  expect(other.dataSource.isInitialized).toBe(false);
});

it('documents the API key endpoints with their response and error schemas', async () => {
  const { body } = await t.http.get('/docs-json').expect(200);
  const create = body.paths['/v1/api-keys'].post;
  expect(create.responses['201'].content['application/json'].schema.$ref).toBe(
    '#/components/schemas/CreatedApiKeyView',
  );
  expect(create.responses['401'].content['application/json'].schema.$ref).toBe(
    '#/components/schemas/ErrorResponseDto',
  );
  expect(body.components.schemas.ApiKeyView.properties).not.toHaveProperty('key');
});
