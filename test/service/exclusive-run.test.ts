import { DataSource } from 'typeorm';
import { runExclusively } from '../../src/database/exclusive-run';
import { createTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(60_000);

describe('runExclusively (scheduled ticks run once across processes)', () => {
  let app: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await createTestApp();
    dataSource = app.dataSource;
  });
  afterAll(async () => app?.close());

  it('skips a job while another holder runs it, and runs it again once released', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = runExclusively(dataSource, 'test-job', async () => {
      await held;
      return 'first';
    });
    // Give the first caller time to take the lock.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const second = await runExclusively(dataSource, 'test-job', async () => 'second');
    const other = await runExclusively(dataSource, 'another-job', async () => 'other');
    release();
    expect(second).toEqual({ ran: false });
    expect(other).toEqual({ ran: true, value: 'other' });
    expect(await first).toEqual({ ran: true, value: 'first' });
    expect(await runExclusively(dataSource, 'test-job', async () => 'third')).toEqual({
      ran: true,
      value: 'third',
    });
  });

  it('releases the lock when the job throws', async () => {
    await expect(
      runExclusively(dataSource, 'failing-job', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await runExclusively(dataSource, 'failing-job', async () => 1)).toEqual({ ran: true, value: 1 });
  });
});
