import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  acknowledgedClaims,
  claimsOf,
  read277CA,
  read835,
  readX12,
  validateX12,
  type Interchange,
} from '../x12';
import {
  amountText,
  claimFilingIndicator835,
  respondToFile,
  type ResponseNumbering,
} from './sandbox-responder';

const SAMPLES = join(__dirname, '../../edi-samples');
const now = new Date('2026-03-04T05:06:07Z');

function counter(): ResponseNumbering & { issued: number[] } {
  let next = 100;
  const issued: number[] = [];
  const take = (): number => {
    issued.push(++next);
    return next;
  };
  return {
    issued,
    interchange: take,
    group: take,
    transaction: take,
    payerClaimNumber: () => `SBX${take()}`,
    paymentTrace: () => `CHK${take()}`,
  };
}

function interchangeOf(content: string): Interchange {
  return readX12(content).value[0];
}

describe('respondToFile', () => {
  it('answers the golden 837I: 999, 277CA and a balanced 835 (no TA1 unless ISA14 asks), from the given numbers', () => {
    const bytes = readFileSync(join(SAMPLES, '837i/inpatient.x12'));
    const received = interchangeOf(bytes.toString());
    const numbering = counter();
    const response = respondToFile(bytes, { now, numbering });
    const kinds = response.documents.map((document) => document.kind);
    expect(kinds).toEqual(
      received.acknowledgmentRequested ? ['TA1', '999', '277CA', '835'] : ['999', '277CA', '835'],
    );
    for (const document of response.documents) {
      const errors = validateX12(document.content).diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map((error) => error.code)).toEqual([]);
      // Every number used came from the numbering, never invented.
      const interchange = interchangeOf(document.content);
      expect(numbering.issued).toContain(Number(interchange.controlNumber));
      expect(interchange.header.elements[8]).toBe('260304');
    }
    const remittance = response.documents.find((document) => document.kind === '835')!;
    const interchange = interchangeOf(remittance.content);
    const [claim] = claimsOf(read835(interchange.groups[0].transactions[0], interchange.delimiters).value);
    expect(claim.serviceLines.some((line) => line.procedure.qualifier === 'NU' || line.revenueCode)).toBe(
      true,
    );
    expect(claim.dates.map((date) => date.qualifier)).toContain('232');
    const ack = response.documents.find((document) => document.kind === '277CA')!;
    const ackInterchange = interchangeOf(ack.content);
    const acknowledged = acknowledgedClaims(
      read277CA(ackInterchange.groups[0].transactions[0], ackInterchange.delimiters).value,
    );
    expect(acknowledged[0].claim.payerClaimControlNumber).toBe(claim.payerClaimControlNumber);
    expect(response.summary).toMatchObject({ interchanges: 1, claims: 1, rejectedTransactionSets: 0 });
  });

  it('sends a TA1 rejection for a duplicate even when ISA14 is 0, and nothing else', () => {
    const bytes = Buffer.from(
      readFileSync(join(SAMPLES, '837p/single-claim.x12'), 'utf8').replace(
        '*00501*000000001*1*T*',
        '*00501*000000001*0*T*',
      ),
    );
    const plain = respondToFile(bytes, { now, numbering: counter() });
    expect(plain.documents.map((document) => document.kind)).toEqual(['999', '277CA', '835']);
    const duplicate = respondToFile(bytes, { now, numbering: counter(), alreadyReceived: () => true });
    expect(duplicate.documents.map((document) => document.kind)).toEqual(['TA1']);
    expect(duplicate.documents[0].content).toContain('TA1*000000001*250115*1200*R*025');
    expect(duplicate.summary.rejectedInterchanges).toBe(1);
  });

  it('answers nothing for input that is not X12', () => {
    const response = respondToFile(Buffer.from('hello, not an interchange'), { now, numbering: counter() });
    expect(response).toMatchObject({ readable: false, documents: [] });
  });

  it('writes amounts with two decimals and maps SBR09 codes the 835 does not know to 15', () => {
    expect([0, 5, 150, 15_050, -250].map(amountText)).toEqual(['0.00', '0.05', '1.50', '150.50', '-2.50']);
    expect(claimFilingIndicator835('MB')).toBe('MB');
    expect(claimFilingIndicator835('CI')).toBe('15');
  });
});
