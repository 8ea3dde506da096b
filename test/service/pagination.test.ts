// Every cursor-paged list endpoint shares one query contract (PageQueryDto): limit 1-500, a bounded opaque
// cursor, and unknown query fields refused, each failure coded with its place and never its value.
import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

let t: TestApp;
let key: string;

beforeAll(async () => {
  t = await createTestApp({ env: { SCHEDULER_ENABLED: 'false' } });
  ({ key } = await t.createOrgWithKey('admin'));
});
afterAll(async () => {
  await t?.close();
});

const LISTS = ['/v1/claims', '/v1/admin/inbound-files', '/v1/admin/transmissions'];

describe.each(LISTS)('GET %s', (path) => {
  const get = (query: string) => t.http.get(`${path}?${query}`).set('Authorization', `Bearer ${key}`);

  it('answers a first page within the limit', async () => {
    const res = await get('limit=1');
    expect(res.status).toBe(200);
    // One list shape everywhere: { items, nextCursor } with null on the last page.
    expect(Array.isArray(res.body.items)).toBe(true);
    expect(res.body.items.length).toBeLessThanOrEqual(1);
    expect(res.body).toHaveProperty('nextCursor', null);
  });

  it.each([
    ['limit=0', '$.limit', 'min'],
    ['limit=501', '$.limit', 'max'],
    ['limit=ten', '$.limit', 'isInt'],
    [`cursor=${'c'.repeat(201)}`, '$.cursor', 'maxLength'],
    ['colour=turquoise', '$.colour', 'whitelistValidation'],
  ])('refuses %s with the place and code, not the value', async (query, place, code) => {
    const res = await get(query);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: place, code })]),
    );
    const value = query.split('=')[1];
    if (value.length > 3) expect(JSON.stringify(res.body)).not.toContain(value);
  });
});
