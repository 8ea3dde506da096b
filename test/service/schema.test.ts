// The committed migrations produce exactly the schema the entities describe: a forgotten
// `npm run migration:generate` (or an edited migration) fails here, on both databases.
import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(60_000);
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

it('leaves nothing for the migration generator to do', async () => {
  const pending = await t.dataSource.driver.createSchemaBuilder().log();
  expect(pending.upQueries.map((q) => q.query)).toEqual([]);
});

it('never synchronizes the schema', () => {
  expect(t.dataSource.options.synchronize).toBe(false);
  expect(t.dataSource.options.migrationsRun).toBe(false);
});
