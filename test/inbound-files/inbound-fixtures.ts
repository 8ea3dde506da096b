// Shared setup for the inbound-file tests: a real OpenSSH sshd playing the partner, the real app (scheduler
// off, ticks driven by the test), and one partner per test with an inbound directory of its own.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TradingPartnerEntity } from '../../src/modules/trading-partners/trading-partner.entity';
import type { TradingPartnerInput } from '../../src/modules/trading-partners/trading-partner.input';
import { TradingPartnersService } from '../../src/modules/trading-partners/trading-partners.service';
import type { TestSshd } from '../support/sshd';
import type { TestApp } from '../support/test-app';

export const SAMPLES = join(__dirname, '..', '..', 'edi-samples');

export function sample(path: string): Buffer {
  return readFileSync(join(SAMPLES, path));
}

export const SYSTEM_ACTOR = { type: 'system', job: 'test' } as const;

let counter = 0;

export interface TestPartner {
  partner: TradingPartnerEntity;
  /** Local path of the partner's remote inbound directory (write files here to "deliver" them). */
  inboundDir: string;
  /** Local path of the archive directory (for inboundDisposal 'move'). */
  archiveDir: string;
}

/**
 * A partner of `orgId` (null: shared) whose inbound directory is fresh. `archive` makes it move collected
 * files to an archive directory instead of deleting them (createArchive false leaves that directory missing).
 */
export async function createPartner(
  t: TestApp,
  sshd: TestSshd,
  orgId: string | null,
  options: { archive?: boolean; createArchive?: boolean; overrides?: Partial<TradingPartnerInput> } = {},
): Promise<TestPartner> {
  counter += 1;
  const name = `in-${counter}-${Date.now().toString(36)}`;
  const inboundDir = join(sshd.rootDir, name);
  const archiveDir = join(sshd.rootDir, `${name}-archive`);
  mkdirSync(inboundDir);
  if (options.archive && options.createArchive !== false) mkdirSync(archiveDir);
  const input: TradingPartnerInput = {
    name,
    payerIds: [],
    host: sshd.host,
    port: sshd.port,
    username: sshd.username,
    credential: { method: 'private-key', privateKey: sshd.privateKey },
    hostKeyFingerprint: sshd.hostKeyFingerprint,
    outboundDir: sshd.remoteOutbound,
    inboundDir: name,
    inboundDisposal: options.archive ? 'move' : 'delete',
    inboundArchiveDir: options.archive ? `${name}-archive` : null,
    isaSenderQualifier: 'ZZ',
    isaSenderId: 'GATEWAYTEST',
    isaReceiverQualifier: 'ZZ',
    isaReceiverId: 'PAYERSIM',
    ...options.overrides,
  };
  const service = t.app.get(TradingPartnersService);
  const partner =
    orgId === null ? await service.upsertShared(input) : await service.create(orgId, input, SYSTEM_ACTOR);
  return { partner, inboundDir, archiveDir };
}

/** Disables a partner so later collection passes in the same file do not poll it. */
export async function retirePartner(t: TestApp, partner: TradingPartnerEntity): Promise<void> {
  await t.dataSource.query('UPDATE trading_partners SET enabled = false WHERE id = $1', [partner.id]);
}

export interface StoredRow {
  id: string;
  remote_name: string;
  kind: string;
  state: string;
  sha256: string;
  size_bytes: number;
  bytes: Buffer;
  quarantine_code: string | null;
  quarantine_detail: string | null;
  processed_at: Date | null;
  process_count: number;
}

export async function storedFiles(t: TestApp, partnerId: string): Promise<StoredRow[]> {
  return t.dataSource.query(
    `SELECT id, remote_name, kind, state, sha256, size_bytes, bytes, quarantine_code, quarantine_detail,
            processed_at, process_count
       FROM inbound_files WHERE partner_id = $1 ORDER BY remote_name`,
    [partnerId],
  );
}

/** Collection options for tests: a short stability window. */
export const FAST = { stableForMs: 300 } as const;
