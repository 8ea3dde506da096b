// The sandbox payer end to end over real SFTP, driven by the gateway's own client: upload 837s and 270s to
// to-payer/, collect TA1 / 999 / 277CA / 835 / 271 from from-payer/, and check them with the engine's
// readers. The outcomes follow sandbox-rules (R1 rejection, R3 denial CARCs, R5-R7 patient responsibility),
// the 835s balance (the engine's 835 rules find nothing), and a real guide violation gets IK3/IK4.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  deliverFile,
  downloadFile,
  listCompleteFiles,
  SftpConnection,
  withSftpConnection,
} from '../../src/modules/transmissions/sftp';
import { SandboxPayer } from '../../src/sandbox/sandbox-payer';
import {
  acknowledgedClaims,
  build837PInterchange,
  claimsOf,
  generateProfessionalClaims,
  Interchange,
  read271,
  read277CA,
  read835,
  read999,
  readTa1,
  readX12,
  validateX12,
  type ProfessionalClaim,
} from '../../src/x12';

jest.setTimeout(60_000);

const SAMPLES = join(__dirname, '../../edi-samples');

let directory: string;
let payer: SandboxPayer;

interface Collected {
  name: string;
  content: string;
  interchange: Interchange;
  kind: 'TA1' | '999' | '277CA' | '835' | '271';
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

function connect(): Promise<SftpConnection> {
  return SftpConnection.connect({
    host: '127.0.0.1',
    port: payer.port,
    username: payer.username,
    password: payer.password,
    hostKeyFingerprint: payer.hostKeyFingerprint,
  });
}

function kindOf(interchange: Interchange): Collected['kind'] {
  if (interchange.groups.length === 0) return 'TA1';
  const byGroup = { FA: '999', HN: '277CA', HP: '835', HB: '271' } as const;
  const kind = byGroup[interchange.groups[0].functionalIdentifier as keyof typeof byGroup];
  if (!kind) throw new Error(`unexpected response group ${interchange.groups[0].functionalIdentifier}`);
  return kind;
}

async function upload(
  connection: SftpConnection,
  name: string,
  content: string | Buffer,
  renameAllowed = true,
) {
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content);
  await deliverFile(connection, {
    bytes,
    sha256: sha256(bytes),
    remoteDir: 'to-payer',
    finalName: name,
    renameAllowed,
    verifyHashBelowBytes: 10 * 1024 * 1024,
  });
}

/** Collects (downloads and removes) response files until `count` arrived. */
async function collect(connection: SftpConnection, count: number): Promise<Collected[]> {
  const collected: Collected[] = [];
  const deadline = Date.now() + 20_000;
  while (collected.length < count) {
    if (Date.now() > deadline) throw new Error(`only ${collected.length} of ${count} responses arrived`);
    const files = await listCompleteFiles(connection, 'from-payer', { stableForMs: 50 });
    for (const file of files) {
      const { bytes } = await downloadFile(connection, file.path, 10 * 1024 * 1024);
      await connection.delete(file.path);
      const content = bytes.toString('utf8');
      const interchange = readX12(content).value[0];
      collected.push({ name: file.name, content, interchange, kind: kindOf(interchange) });
    }
    if (files.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return collected;
}

function only(collected: Collected[], kind: Collected['kind']): Collected {
  const found = collected.filter((file) => file.kind === kind);
  expect(found).toHaveLength(1);
  return found[0];
}

function transactions(file: Collected) {
  return file.interchange.groups.flatMap((group) => group.transactions);
}

/** The engine's own validation of a response: no errors (for 835s this includes the balancing rules). */
function expectValid(file: Collected): void {
  const errors = validateX12(file.content).diagnostics.filter(
    (diagnostic) => diagnostic.severity === 'error',
  );
  expect(errors.map((error) => error.code)).toEqual([]);
}

function batch(claims: ProfessionalClaim[], isa13: number): string {
  return build837PInterchange({
    interchange: {
      senderQualifier: 'ZZ',
      senderId: 'SUBMIT0001',
      receiverQualifier: 'ZZ',
      receiverId: 'SANDBOX',
      date: '260110',
      time: '0900',
      controlNumber: isa13,
      acknowledgmentRequested: true,
      usageIndicator: 'T',
    },
    group: {
      applicationSender: 'SUBMIT0001',
      applicationReceiver: 'SANDBOX',
      date: '20260110',
      time: '0900',
      controlNumber: isa13,
    },
    transactionControlNumber: '0001',
    options: {
      referenceIdentification: `BATCH${isa13}`,
      creationDate: '20260110',
      creationTime: '0900',
      submitterIdentification: 'SUBMIT0001',
      receiverIdentification: 'SANDBOX',
    },
    claims,
  });
}

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'sandbox-payer-'));
  payer = await SandboxPayer.start({ directory, port: 0, responseDelayMs: 300, pollIntervalMs: 100 });
});

afterAll(async () => {
  await payer?.stop();
  rmSync(directory, { recursive: true, force: true });
});

describe('sandbox payer over SFTP', () => {
  it('answers the golden 837P with TA1, 999, 277CA and a balanced 835, after the configured delay', async () => {
    const golden = readFileSync(join(SAMPLES, '837p/single-claim.x12'));
    const connection = await connect();
    try {
      const sentAt = Date.now();
      await upload(connection, 'golden-837p.x12', golden);
      const files = await collect(connection, 4);
      expect(Date.now() - sentAt).toBeGreaterThanOrEqual(300);
      expect(files.map((file) => file.kind).sort()).toEqual(['277CA', '835', '999', 'TA1']);
      // Names carry the response ISA13 and sort in the order the payer made them.
      expect(files.map((file) => file.name)).toEqual(files.map((file) => file.name).sort());
      for (const file of files) {
        expectValid(file);
        // Replies swap sender and receiver of the 837's ISA.
        expect(file.interchange.senderId).toBe('RECV0001');
        expect(file.interchange.receiverId).toBe('SUBMIT0001');
      }

      const ta1 = readTa1(only(files, 'TA1').interchange).value[0];
      expect(ta1).toMatchObject({ controlNumber: '000000001', acknowledgmentCode: 'A', noteCode: '000' });

      const ack999 = only(files, '999');
      const ack = read999(transactions(ack999)[0], ack999.interchange.delimiters).value;
      expect(ack.functionalGroup.groupControlNumber).toBe('1');
      expect(ack.transactionSetResponses).toMatchObject([{ controlNumber: '0001', acknowledgmentCode: 'A' }]);
      expect(ack.groupResponse.acknowledgmentCode).toBe('A');

      const file277 = only(files, '277CA');
      const claims277 = acknowledgedClaims(
        read277CA(transactions(file277)[0], file277.interchange.delimiters).value,
      );
      expect(claims277).toHaveLength(1);
      expect(claims277[0].claim).toMatchObject({ patientControlNumber: 'PCN0001', outcome: 'accepted' });
      const payerClaimNumber = claims277[0].claim.payerClaimControlNumber;
      expect(payerClaimNumber).toMatch(/^SBX\d{9}$/);

      // Member MBR000001 ends in 1: R5, the first 50.00 is deductible (PR-1).
      const file835 = only(files, '835');
      const remittance = read835(transactions(file835)[0], file835.interchange.delimiters).value;
      const [clp] = claimsOf(remittance);
      expect(clp).toMatchObject({
        patientControlNumber: 'PCN0001',
        statusCode: '1',
        payerClaimControlNumber: payerClaimNumber,
      });
      expect(clp.chargeCents).toBe(15_050);
      expect(clp.paymentCents).toBe(10_050);
      expect(clp.patientResponsibilityCents).toBe(5_000);
      expect(clp.serviceLines[0].adjustments).toMatchObject([{ group: 'PR', reason: '1', cents: 5_000 }]);
      expect(clp.serviceLines.map((line) => line.lineControlNumber)).toEqual(['LINE0001', 'LINE0002']);
      expect(remittance.financialInformation.paymentCents).toBe(10_050);
    } finally {
      await connection.close();
    }
    // The payer took the file: to-payer/ is empty again, the input is kept under received/.
    expect(readdirSync(join(payer.root, 'to-payer'))).toEqual([]);
    expect(
      readdirSync(join(directory, 'received', 'gateway')).some((name) => name.endsWith('golden-837p.x12')),
    ).toBe(true);
  });

  it('applies the rules to a generated batch: 99 members rejected in the 277CA, denied codes get their CARC, partial payments balance', async () => {
    const claims = generateProfessionalClaims(10, 7);
    const memberIds = [
      'MBR100099',
      'MBR100001',
      'MBR100002',
      'MBR100003',
      'MBR100000',
      'MBR100004',
      'MBR200099',
      'MBR100000',
      'MBR100005',
      'MBR100000',
    ];
    claims.forEach((claim, index) => {
      claim.subscriber.memberId = memberIds[index];
    });
    // Claim 4 gets one line on the deny list (97799 -> CO-204); claim 7 only denied lines (A9270 -> CO-96).
    claims[4].claimInformation.serviceLines[0].professionalService.procedureCode = '97799';
    for (const line of claims[7].claimInformation.serviceLines)
      line.professionalService.procedureCode = 'A9270';
    const connection = await connect();
    let files: Collected[];
    try {
      await upload(connection, 'batch-837p.x12', batch(claims, 500));
      files = await collect(connection, 4);
    } finally {
      await connection.close();
    }
    files.forEach(expectValid);

    const file277 = only(files, '277CA');
    const acknowledged = acknowledgedClaims(
      read277CA(transactions(file277)[0], file277.interchange.delimiters).value,
    );
    expect(acknowledged).toHaveLength(10);
    const rejected = acknowledged.map((item) => item.claim).filter((claim) => claim.outcome === 'rejected');
    expect(rejected.map((claim) => claim.patientControlNumber).sort()).toEqual(
      [claims[0], claims[6]].map((claim) => claim.claimInformation.patientControlNumber).sort(),
    );
    expect(rejected[0].statusInformation[0].statuses[0]).toMatchObject({
      categoryCode: 'A7',
      statusCode: '164',
      entityCode: 'IL',
    });

    const file835 = only(files, '835');
    const remittances = transactions(file835).map((tx) => read835(tx, file835.interchange.delimiters).value);
    const paid = remittances.flatMap(claimsOf);
    const byPcn = new Map(paid.map((claim) => [claim.patientControlNumber, claim]));
    // Only the claims the 277CA accepted are in the 835.
    expect(paid).toHaveLength(8);
    for (const claim of rejected) expect(byPcn.has(claim.patientControlNumber ?? '')).toBe(false);

    const pcn = (index: number): string => claims[index].claimInformation.patientControlNumber;
    const denied = byPcn.get(pcn(7))!;
    expect(denied.statusCode).toBe('4');
    expect(denied.paymentCents).toBe(0);
    for (const line of denied.serviceLines) {
      expect(line.adjustments).toEqual([
        expect.objectContaining({
          group: 'CO',
          reason: '96',
          cents: line.chargeCents,
        }),
      ]);
    }
    const partlyDenied = byPcn.get(pcn(4))!;
    expect(partlyDenied.serviceLines[0].adjustments).toMatchObject([{ group: 'CO', reason: '204' }]);
    expect(partlyDenied.serviceLines[0].paymentCents).toBe(0);
    expect(byPcn.get(pcn(1))!.serviceLines[0].adjustments[0]).toMatchObject({ group: 'PR', reason: '1' });
    expect(byPcn.get(pcn(2))!.serviceLines[0].adjustments[0]).toMatchObject({ group: 'PR', reason: '2' });
    expect(byPcn.get(pcn(3))!.serviceLines[0].adjustments[0]).toMatchObject({ group: 'PR', reason: '3' });
    expect(byPcn.get(pcn(9))!.paymentCents).toBe(byPcn.get(pcn(9))!.chargeCents);

    // Balancing, recomputed here in integer cents (the engine's 835 rules agreed above).
    for (const remittance of remittances) {
      let total = 0;
      for (const claim of claimsOf(remittance)) {
        let adjustments = claim.adjustments.reduce((sum, a) => sum + a.cents!, 0);
        for (const line of claim.serviceLines) {
          const lineAdjustments = line.adjustments.reduce((sum, a) => sum + a.cents!, 0);
          expect(line.chargeCents! - lineAdjustments).toBe(line.paymentCents);
          adjustments += lineAdjustments;
        }
        expect(claim.chargeCents! - adjustments).toBe(claim.paymentCents);
        total += claim.paymentCents!;
      }
      expect(remittance.financialInformation.paymentCents).toBe(total);
    }
    // The payer claim numbers of the 277CA come back in CLP07.
    for (const { claim } of acknowledged.filter((item) => item.claim.outcome === 'accepted')) {
      expect(byPcn.get(claim.patientControlNumber ?? '')!.payerClaimControlNumber).toBe(
        claim.payerClaimControlNumber,
      );
    }
  });

  it('rejects a set with a real guide violation in the 999 with IK3/IK4, and sends no 277CA or 835 for it', async () => {
    const malformed = readFileSync(join(SAMPLES, '837p/malformed-clm02-not-sum.x12'), 'utf8').replace(
      '*000000001*',
      '*000000777*',
    );
    const fixed = malformed.replace(/IEA\*1\*000000001~/, 'IEA*1*000000777~');
    const connection = await connect();
    let files: Collected[];
    try {
      await upload(connection, 'malformed-837p.x12', fixed);
      files = await collect(connection, 2);
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(await listCompleteFiles(connection, 'from-payer', { stableForMs: 10 })).toEqual([]);
    } finally {
      await connection.close();
    }
    expect(files.map((file) => file.kind).sort()).toEqual(['999', 'TA1']);
    const file999 = only(files, '999');
    expectValid(file999);
    const ack = read999(transactions(file999)[0], file999.interchange.delimiters).value;
    expect(ack.groupResponse.acknowledgmentCode).toBe('R');
    const [response] = ack.transactionSetResponses;
    expect(response.acknowledgmentCode).toBe('R');
    expect(response.segmentErrors).toHaveLength(1);
    expect(response.segmentErrors[0]).toMatchObject({ segmentId: 'CLM', errorCode: '8' });
    expect(response.segmentErrors[0].elementErrors[0].position.element).toBe('2');
  });

  it('answers a 270 with a 271 per request (E2 active coverage; E1 member 99 rejected with AAA 72)', async () => {
    const subscriber = readFileSync(join(SAMPLES, '270/270-subscriber.x12'), 'utf8');
    const rejectedMember = subscriber
      .replace(/\*MI\*[A-Z0-9]+~/, '*MI*MBR000099~')
      .replace(/\*000000801\*/g, '*000000901*')
      .replace(/IEA\*1\*000000801~/, 'IEA*1*000000901~');
    const connection = await connect();
    let files: Collected[];
    try {
      await upload(connection, 'eligibility-1.x12', subscriber);
      await upload(connection, 'eligibility-2.x12', rejectedMember);
      // ISA14 is 0 in these files: no TA1, just the 271s.
      files = await collect(connection, 2);
    } finally {
      await connection.close();
    }
    expect(files).toHaveLength(2);
    const responses = files.map((file) => {
      expectValid(file);
      return read271(transactions(file)[0], file.interchange.delimiters).value;
    });
    const members = responses.map((response) => response.informationSources[0].receivers[0].subscribers[0]);
    const active = members.find((member) => member.benefits.length > 0)!;
    const coverage = active.benefits.filter((benefit) => benefit.eligibilityCode === '1');
    // Active coverage for the requested service types (EQ*30, EQ*98), then the plan's C, A and B.
    expect(coverage.flatMap((benefit) => benefit.serviceTypes.map((type) => type.code)).sort()).toEqual([
      '30',
      '98',
    ]);
    expect(active.benefits.map((benefit) => benefit.eligibilityCode).filter((code) => code !== '1')).toEqual([
      'C',
      'A',
      'B',
    ]);
    expect(active.traces[0].traceTypeCode).toBe('2');
    const rejected = members.find((member) => member.rejections.length > 0)!;
    expect(rejected.rejections[0]).toMatchObject({ rejectReasonCode: '72', followUpActionCode: 'C' });
  });

  it('rejects an interchange whose ISA13 it already received with TA1 note 025, and answers nothing else', async () => {
    const golden = readFileSync(join(SAMPLES, '837p/single-claim.x12'));
    const connection = await connect();
    let files: Collected[];
    try {
      await upload(connection, 'golden-again.x12', golden);
      files = await collect(connection, 1);
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(await listCompleteFiles(connection, 'from-payer', { stableForMs: 10 })).toEqual([]);
    } finally {
      await connection.close();
    }
    expect(readTa1(only(files, 'TA1').interchange).value[0]).toMatchObject({
      controlNumber: '000000001',
      acknowledgmentCode: 'R',
      noteCode: '025',
    });
  });

  it('takes a file written without rename once its .done marker is there, never a .part upload', async () => {
    const claims = generateProfessionalClaims(2, 3);
    for (const claim of claims) claim.subscriber.memberId = 'MBR300000';
    await withSftpConnection(
      {
        host: '127.0.0.1',
        port: payer.port,
        username: payer.username,
        password: payer.password,
        hostKeyFingerprint: payer.hostKeyFingerprint,
      },
      async (connection) => {
        // A half-written temporary upload is never taken.
        await connection.put('to-payer/.half.x12.part', Buffer.from('ISA*00*'));
        await upload(connection, 'marker-837p.x12', batch(claims, 600), false);
        const files = await collect(connection, 4);
        expect(files.map((file) => file.kind).sort()).toEqual(['277CA', '835', '999', 'TA1']);
        expect(await connection.stat('to-payer/marker-837p.x12.done')).toBeUndefined();
        expect(await connection.stat('to-payer/.half.x12.part')).toMatchObject({ size: 7 });
      },
    );
  });
});

describe('sandbox payer restart', () => {
  it('keeps its host key, password and control numbers across a restart', async () => {
    const before = { fingerprint: payer.hostKeyFingerprint, password: payer.password };
    const ledger = JSON.parse(readFileSync(join(directory, 'ledger.json'), 'utf8')) as {
      interchange: number;
    };
    await payer.stop();
    payer = await SandboxPayer.start({ directory, port: 0, responseDelayMs: 0, pollIntervalMs: 100 });
    expect(payer.hostKeyFingerprint).toBe(before.fingerprint);
    expect(payer.password).toBe(before.password);
    const claims = generateProfessionalClaims(1, 5);
    claims[0].subscriber.memberId = 'MBR400000';
    const connection = await connect();
    try {
      await upload(connection, 'after-restart.x12', batch(claims, 700));
      const files = await collect(connection, 4);
      const numbers = files.map((file) => Number(file.interchange.controlNumber));
      expect(Math.min(...numbers)).toBeGreaterThan(ledger.interchange);
    } finally {
      await connection.close();
    }
    expect(existsSync(join(directory, 'ledger.json'))).toBe(true);
  });
});
