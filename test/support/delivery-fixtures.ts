// Fixtures for the pipeline-level delivery tests: a trading partner pointing at a test sshd (credential
// encrypted the way the trading-partners module stores it), claims submitted through the real API, and a
// built transmission recorded the way batching records one (control numbers from the ledger, 837 bytes and
// SHA-256 stored, claims linked) so delivery can be tested on its own.
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityManager } from 'typeorm';
import { newId } from '../../src/common/ids';
import { build837Interchange } from '../../src/modules/claims/claim-837.mapper';
import type { SubmittedClaim } from '../../src/modules/claims/claim-intake.mapper';
import { encryptPartnerCredential } from '../../src/modules/trading-partners/partner-credentials';
import { TradingPartnerEntity } from '../../src/modules/trading-partners/trading-partner.entity';
import {
  ControlNumberRepository,
  formatIsa13,
} from '../../src/modules/transmissions/control-numbers/control-number.repository';
import { professionalClaim } from '../claims/claim-fixtures';
import type { TestSshd } from './sshd';
import type { TestApp } from './test-app';

export interface PartnerOptions {
  orgId: string | null;
  /** Defaults to the sshd's own host and port (set them to a fault proxy). */
  host?: string;
  port?: number;
  privateKey?: string;
  outboundDir?: string;
  renameAllowed?: boolean;
  name?: string;
}

let partnerCounter = 0;

/** Inserts an enabled SFTP partner for the sandbox payer ids, pointing at the test sshd. */
export async function insertSftpPartner(
  t: TestApp,
  sshd: TestSshd,
  options: PartnerOptions,
): Promise<TradingPartnerEntity> {
  const id = newId();
  partnerCounter += 1;
  const now = new Date();
  const partner = Object.assign(new TradingPartnerEntity(), {
    id,
    orgId: options.orgId,
    name: options.name ?? `Test partner ${partnerCounter} ${randomBytes(3).toString('hex')}`,
    payerIds: [],
    enabled: true,
    host: options.host ?? sshd.host,
    port: options.port ?? sshd.port,
    username: sshd.username,
    authMethod: 'private-key',
    credentialCiphertext: encryptPartnerCredential(
      t.config.secretsKey.reveal(),
      id,
      options.privateKey ?? sshd.privateKey,
    ),
    hostKeyFingerprint: sshd.hostKeyFingerprint,
    outboundDir: options.outboundDir ?? sshd.remoteOutbound,
    inboundDir: sshd.remoteInbound,
    fileNamePattern: '{partner}-{kind}-{isa13}.x12',
    inboundDisposal: 'delete',
    inboundArchiveDir: null,
    renameAllowed: options.renameAllowed ?? true,
    verifyHashBelowBytes: 10_485_760,
    isaSenderQualifier: 'ZZ',
    isaSenderId: `GWTEST${partnerCounter}`,
    isaReceiverQualifier: 'ZZ',
    isaReceiverId: 'SANDBOXPAYER',
    gsSenderCode: null,
    gsReceiverCode: null,
    usageIndicator: 'T',
    acknowledgmentRequested: true,
    delimiters: { element: '*', repetition: '^', component: ':', segment: '~' },
    maxClaimsPerTransaction: 5000,
    maxClaimsPerFile: 5000,
    oneInterchangePerFile: true,
    createdAt: now,
    updatedAt: now,
  } satisfies Partial<TradingPartnerEntity>);
  await t.dataSource.getRepository(TradingPartnerEntity).insert(partner);
  return partner;
}

/** Submits `count` professional claims through POST /v1/claim-batches; returns their ids (status queued). */
export async function submitClaims(t: TestApp, key: string, count: number, tag: string): Promise<string[]> {
  const claims = Array.from({ length: count }, (_, n) => professionalClaim(n + 1, { tag }));
  const response = await t.http
    .post('/v1/claim-batches')
    .set('Authorization', `Bearer ${key}`)
    .send({ claims })
    .expect(202);
  const body = response.body as { acceptedCount: number; results: { claimId?: string }[] };
  if (body.acceptedCount !== count) throw new Error(`only ${body.acceptedCount} of ${count} claims accepted`);
  return body.results.map((result) => result.claimId as string);
}

export interface BuiltTransmission {
  id: string;
  fileName: string;
  isa13: number;
  sha256: string;
  bytes: Buffer;
}

const controlNumbers = new ControlNumberRepository();

function yymmdd(at: Date): { date: string; time: string; ccyymmdd: string } {
  const iso = at.toISOString();
  return {
    ccyymmdd: iso.slice(0, 10).replace(/-/g, ''),
    date: iso.slice(2, 10).replace(/-/g, ''),
    time: iso.slice(11, 16).replace(':', ''),
  };
}

/**
 * Records one built transmission carrying these queued claims: one interchange, one group, one transaction
 * set, control numbers from the ledger, in one transaction (as batching does).
 */
export async function insertBuiltTransmission(
  t: TestApp,
  orgId: string,
  partner: TradingPartnerEntity,
  claimIds: readonly string[],
  options: { bytes?: Buffer } = {},
): Promise<BuiltTransmission> {
  return t.dataSource.transaction(async (manager: EntityManager) => {
    const claims = (await manager.query(
      `SELECT id, submitted, patient_control_number AS pcn FROM claims
        WHERE org_id = $1 AND id = ANY($2::uuid[]) ORDER BY batch_index`,
      [orgId, [...claimIds]],
    )) as { id: string; submitted: SubmittedClaim; pcn: string }[];
    const pair = {
      senderQualifier: partner.isaSenderQualifier,
      senderId: partner.isaSenderId,
      receiverQualifier: partner.isaReceiverQualifier,
      receiverId: partner.isaReceiverId,
    };
    const [isa13] = await controlNumbers.allocate(manager, pair, 'ISA13', 1);
    const [gs06] = await controlNumbers.allocate(manager, pair, 'GS06', 1);
    const [st02] = await controlNumbers.allocate(manager, pair, 'ST02', 1);
    const now = new Date();
    const at = yymmdd(now);
    const text = build837Interchange(
      'professional',
      claims.map((claim) => claim.submitted),
      {
        interchange: {
          ...pair,
          date: at.date,
          time: at.time,
          controlNumber: isa13,
          acknowledgmentRequested: true,
          usageIndicator: 'T',
        },
        group: {
          applicationSender: partner.isaSenderId,
          applicationReceiver: partner.isaReceiverId,
          date: at.ccyymmdd,
          time: at.time,
          controlNumber: gs06,
        },
        transactionControlNumber: st02,
        options: {
          referenceIdentification: String(isa13),
          creationDate: at.ccyymmdd,
          creationTime: at.time,
          submitterIdentification: partner.isaSenderId,
          receiverIdentification: partner.isaReceiverId,
        },
      },
    );
    // A test may store other bytes (a large file, so an upload lasts long enough to be interrupted).
    const bytes = options.bytes ?? Buffer.from(text, 'utf8');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const id = newId();
    const interchangeId = newId();
    const fileName = `${partner.name.replace(/[^A-Za-z0-9]+/g, '-')}-837P-${formatIsa13(isa13)}.x12`;
    await manager.query(
      `INSERT INTO transmissions (id, org_id, partner_id, kind, state, file_name, bytes, sha256, size_bytes,
         claim_count, attempts, next_attempt_at, created_at, updated_at)
       VALUES ($1, $2, $3, '837P', 'built', $4, $5, $6, $7, $8, 0, $9, $9, $9)`,
      [id, orgId, partner.id, fileName, bytes, sha256, bytes.length, claims.length, now],
    );
    await manager.query(
      `INSERT INTO transmission_interchanges (id, transmission_id, sender_qualifier, sender_id,
         receiver_qualifier, receiver_id, isa13) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        interchangeId,
        id,
        pair.senderQualifier,
        pair.senderId,
        pair.receiverQualifier,
        pair.receiverId,
        isa13,
      ],
    );
    for (const claim of claims) {
      await manager.query(
        `INSERT INTO transmission_claims (id, transmission_id, interchange_id, org_id, claim_id, gs06, st02,
           patient_control_number) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [newId(), id, interchangeId, orgId, claim.id, gs06, st02, claim.pcn],
      );
    }
    await manager.query(`UPDATE claims SET transmission_id = $1 WHERE id = ANY($2::uuid[])`, [
      id,
      claims.map((claim) => claim.id),
    ]);
    return { id, fileName, isa13, sha256, bytes };
  });
}

export interface TransmissionRow {
  state: string;
  attempts: number;
  lastErrorCode: string | null;
  remotePath: string | null;
  deliveredAt: Date | null;
  nextAttemptAt: Date;
}

export async function transmissionRow(t: TestApp, id: string): Promise<TransmissionRow> {
  const rows = (await t.dataSource.query(
    `SELECT state, attempts, last_error_code AS "lastErrorCode", remote_path AS "remotePath",
            delivered_at AS "deliveredAt", next_attempt_at AS "nextAttemptAt"
       FROM transmissions WHERE id = $1`,
    [id],
  )) as TransmissionRow[];
  return rows[0];
}

/** Each claim's status and how many 'sent' events it has (exactly-once means 1 for delivered claims). */
export async function claimSendings(
  t: TestApp,
  claimIds: readonly string[],
): Promise<{ status: string; sentEvents: number }[]> {
  return (await t.dataSource.query(
    `SELECT c.status, (SELECT count(*)::int FROM claim_status_events e
                        WHERE e.claim_id = c.id AND e.status = 'sent') AS "sentEvents"
       FROM claims c WHERE c.id = ANY($1::uuid[]) ORDER BY c.batch_index`,
    [[...claimIds]],
  )) as { status: string; sentEvents: number }[];
}

/** The transitions a transmission went through, oldest first, as "from>to" strings. */
export async function transitionsOf(t: TestApp, id: string): Promise<string[]> {
  const rows = (await t.dataSource.query(
    `SELECT from_state, to_state FROM transmission_events WHERE transmission_id = $1 ORDER BY at, sequence`,
    [id],
  )) as { from_state: string | null; to_state: string }[];
  return rows.map((row) => `${row.from_state ?? ''}>${row.to_state}`);
}

/**
 * Files in a server-side directory whose name contains the interchange's file name, split into the
 * complete copies (the final name) and leftovers (temporary names). The payer sees only final names.
 */
export function filesAtPayer(localDir: string, fileName: string): { final: string[]; other: string[] } {
  const names = readdirSync(localDir).filter((name) => name.includes(fileName));
  return {
    final: names.filter((name) => name === fileName),
    other: names.filter((name) => name !== fileName),
  };
}

/**
 * How many files a payer would pick up from a server-side directory that hold exactly these bytes
 * (temporary dot-files excluded): "no interchange twice at the payer" means at most 1.
 */
export function copiesAtPayer(localDir: string, bytes: Buffer): number {
  const sha = createHash('sha256').update(bytes).digest('hex');
  let copies = 0;
  for (const name of readdirSync(localDir)) {
    const path = join(localDir, name);
    if (name.startsWith('.') || !statSync(path).isFile()) continue;
    if (createHash('sha256').update(readFileSync(path)).digest('hex') === sha) copies += 1;
  }
  return copies;
}
