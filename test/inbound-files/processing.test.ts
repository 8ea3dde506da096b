// Processing, separate from storage, on the real database: a stored file goes to the handler registered for
// its kind inside one transaction; applied and quarantined outcomes are recorded; a handler that throws rolls
// back everything it wrote and leaves the file stored for a retry; an applied file is never applied twice.
// A fresh registry per service keeps these tests independent of the handlers other modules register.
import { randomUUID } from 'node:crypto';
import { Clock } from '../../src/common/clock';
import { GATEWAY_LOGGER } from '../../src/common/logging/logger';
import { AuditService } from '../../src/modules/audit/audit.service';
import { classifyInboundFile } from '../../src/modules/inbound-files/inbound-file-classifier';
import {
  DuplicateInboundFileHandlerError,
  InboundFileHandler,
  InboundFileHandlerRegistry,
  InboundFileHandlerResult,
} from '../../src/modules/inbound-files/inbound-file-handler.registry';
import {
  InboundFileAlreadyAppliedError,
  InboundFileProcessingFailedError,
} from '../../src/modules/inbound-files/inbound-file.errors';
import {
  InboundFilesRepository,
  MAX_AUTOMATIC_PROCESS_ATTEMPTS,
} from '../../src/modules/inbound-files/inbound-files.repository';
import { InboundFilesService } from '../../src/modules/inbound-files/inbound-files.service';
import { createTestApp, TestApp } from '../support/test-app';
import { sample, SYSTEM_ACTOR } from './inbound-fixtures';

jest.setTimeout(90_000);

let t: TestApp;

function serviceWith(registry: InboundFileHandlerRegistry): InboundFilesService {
  return new InboundFilesService(
    t.app.get(InboundFilesRepository),
    registry,
    t.dataSource,
    t.app.get(Clock),
    t.app.get(AuditService),
    t.app.get(GATEWAY_LOGGER),
  );
}

async function storeSample(service: InboundFilesService, path: string, orgId: string | null = null) {
  const bytes = sample(path);
  const id = await service.store({
    partnerId: randomUUID(),
    orgId,
    remoteName: path.replace('/', '-'),
    bytes,
    sha256: randomUUID().replace(/-/g, '').padEnd(64, '0'),
    classification: classifyInboundFile(bytes),
  });
  if (id === undefined) throw new Error('not stored');
  return id;
}

async function row(id: string) {
  const rows: Array<{
    state: string;
    kind: string;
    quarantine_code: string | null;
    quarantine_detail: string | null;
    processed_at: Date | null;
    process_count: number;
    matched_org_ids: string[] | null;
  }> = await t.dataSource.query(
    `SELECT state, kind, quarantine_code, quarantine_detail, processed_at, process_count, matched_org_ids
       FROM inbound_files WHERE id = $1`,
    [id],
  );
  return rows[0];
}

async function effects(fileId: string): Promise<number> {
  const rows: Array<{ count: string }> = await t.dataSource.query(
    'SELECT count(*) AS count FROM gw_test_effects WHERE file_id = $1',
    [fileId],
  );
  return Number(rows[0].count);
}

beforeAll(async () => {
  t = await createTestApp({ env: { SCHEDULER_ENABLED: 'false' } });
  await t.dataSource.query('CREATE TABLE gw_test_effects (file_id uuid NOT NULL)');
});

afterAll(async () => {
  await t?.close();
});

describe('InboundFilesService.process', () => {
  it('hands the file and its interchanges to the handler of its kind, in one transaction, and records applied', async () => {
    const registry = new InboundFileHandlerRegistry();
    const service = serviceWith(registry);
    const orgId = randomUUID();
    const seen: string[] = [];
    registry.register({
      kinds: ['999'],
      async handle(manager, file, interchanges) {
        seen.push(file.id, file.kind, interchanges[0].controlNumber, interchanges[0].groups[0].controlNumber);
        // The row is locked by this transaction and visible through its manager.
        const [locked] = await manager.query('SELECT state FROM inbound_files WHERE id = $1', [file.id]);
        seen.push(locked.state);
        await manager.query('INSERT INTO gw_test_effects (file_id) VALUES ($1)', [file.id]);
        return { outcome: 'applied', matchedOrgIds: [orgId, orgId] };
      },
    });
    const id = await storeSample(service, '999/accepted.x12');
    const result = await service.process(id);
    expect(result).toEqual({ fileId: id, kind: '999', state: 'applied', outcome: 'applied' });
    expect(seen).toEqual([id, '999', '000000201', '201', 'stored']);
    expect(await effects(id)).toBe(1);
    const stored = await row(id);
    expect(stored).toMatchObject({
      state: 'applied',
      quarantine_code: null,
      process_count: 1,
      matched_org_ids: [orgId],
    });
    expect(stored.processed_at).toBeInstanceOf(Date);

    // Never applied twice: the handler is not called again.
    expect(await service.process(id)).toMatchObject({ state: 'applied', outcome: 'already_applied' });
    expect(await effects(id)).toBe(1);
    await expect(service.reprocess(orgId, id, SYSTEM_ACTOR)).rejects.toBeInstanceOf(
      InboundFileAlreadyAppliedError,
    );
  });

  it('records a quarantine from the handler, and a reprocess applies the file once the handler can match it', async () => {
    const registry = new InboundFileHandlerRegistry();
    const service = serviceWith(registry);
    const orgId = randomUUID();
    let transmissionKnown = false;
    registry.register({
      kinds: ['TA1'],
      handle: async (): Promise<InboundFileHandlerResult> =>
        transmissionKnown
          ? { outcome: 'applied', matchedOrgIds: [orgId] }
          : { outcome: 'quarantined', code: 'ACK_UNMATCHED_ISA13', detail: 'TA101 000000011' },
    });
    const id = await storeSample(service, 'envelope/ta1-rejected.x12', orgId);
    expect(await service.process(id)).toMatchObject({ state: 'quarantined', outcome: 'quarantined' });
    expect(await row(id)).toMatchObject({
      state: 'quarantined',
      kind: 'TA1',
      quarantine_code: 'ACK_UNMATCHED_ISA13',
      quarantine_detail: 'TA101 000000011',
      process_count: 1,
    });

    transmissionKnown = true;
    const view = await service.reprocess(orgId, id, SYSTEM_ACTOR);
    expect(view).toMatchObject({ state: 'applied', quarantineCode: null, processCount: 2 });
    await expect(service.reprocess(orgId, id, SYSTEM_ACTOR)).rejects.toBeInstanceOf(
      InboundFileAlreadyAppliedError,
    );
    const audit: Array<{ action: string }> = await t.dataSource.query(
      `SELECT action FROM audit_log WHERE object_id = $1 ORDER BY occurred_at`,
      [id],
    );
    expect(audit.map((entry) => entry.action)).toEqual(['inbound_file.reprocess_requested']);
  });

  it('a handler that throws rolls back its writes; the file stays stored and is retried, a few times at most', async () => {
    const registry = new InboundFileHandlerRegistry();
    const service = serviceWith(registry);
    let failing = true;
    registry.register({
      kinds: ['277CA'],
      async handle(manager, file) {
        await manager.query('INSERT INTO gw_test_effects (file_id) VALUES ($1)', [file.id]);
        if (failing) throw Object.assign(new Error('handler bug'), { code: 'TEST_HANDLER_FAILED' });
        return { outcome: 'applied' };
      },
    });
    const id = await storeSample(service, '277ca/277ca-rejected.x12');
    const failure = await service.process(id).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InboundFileProcessingFailedError);
    expect((failure as InboundFileProcessingFailedError).causeCode).toBe('TEST_HANDLER_FAILED');
    expect(await effects(id)).toBe(0);
    expect(await row(id)).toMatchObject({ state: 'stored', processed_at: null, process_count: 1 });

    // The pending sweep (every collection tick) retries it; once the handler works, it is applied.
    failing = false;
    expect(await service.processPending()).toMatchObject({ processed: 1 });
    expect(await row(id)).toMatchObject({ state: 'applied', process_count: 2 });
    expect(await effects(id)).toBe(1);

    // A file that keeps failing is left for an admin after MAX_AUTOMATIC_PROCESS_ATTEMPTS.
    failing = true;
    const stuck = await storeSample(service, '277ca/277ca-accepted.x12');
    for (let attempt = 0; attempt < MAX_AUTOMATIC_PROCESS_ATTEMPTS + 2; attempt += 1) {
      await service.processPending();
    }
    expect(await row(stuck)).toMatchObject({
      state: 'stored',
      processed_at: null,
      process_count: MAX_AUTOMATIC_PROCESS_ATTEMPTS,
    });
    const logged = t.logRecords().filter((line) => line.msg === 'inbound file processing failed');
    expect(logged.length).toBeGreaterThan(0);
    expect(logged[0]).toMatchObject({ code: 'TEST_HANDLER_FAILED' });
    expect(JSON.stringify(logged)).not.toContain('handler bug');
  });

  it('without a handler: 835 and 271 are kept, TA1 and other kinds stay stored; unreadable stays quarantined', async () => {
    const service = serviceWith(new InboundFileHandlerRegistry());
    const era = await storeSample(service, '835/paid.x12');
    const eligibility = await storeSample(service, '271/271-active-coverage.x12');
    const ta1 = await storeSample(service, 'envelope/ta1-accepted.x12');
    const claim = await storeSample(service, '837p/single-claim.x12');
    const broken = await storeSample(service, 'envelope/malformed-counts-and-echoes.x12');
    expect(await row(broken)).toMatchObject({ state: 'quarantined', kind: 'unreadable', process_count: 0 });

    expect((await service.process(era)).state).toBe('kept');
    expect((await service.process(eligibility)).state).toBe('kept');
    expect((await service.process(ta1)).state).toBe('stored');
    expect((await service.process(claim)).state).toBe('stored');
    expect(await service.process(broken)).toMatchObject({ state: 'quarantined', kind: 'unreadable' });
    expect(await row(broken)).toMatchObject({ quarantine_code: 'X12-ENV-SE01-COUNT', process_count: 1 });
    for (const id of [era, eligibility, ta1, claim]) {
      expect((await row(id)).processed_at).toBeInstanceOf(Date);
    }
  });

  it('refuses a second handler for the same kind', () => {
    const registry = new InboundFileHandlerRegistry();
    const handler: InboundFileHandler = {
      kinds: ['999', '277CA'],
      handle: async () => ({ outcome: 'applied' }),
    };
    registry.register(handler);
    expect(() => registry.register({ ...handler, kinds: ['277CA'] })).toThrow(
      DuplicateInboundFileHandlerError,
    );
    expect(registry.registeredKinds().sort()).toEqual(['277CA', '999']);
  });
});
