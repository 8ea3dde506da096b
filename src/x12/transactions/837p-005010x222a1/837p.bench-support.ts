/** Benchmark hook (bench/x12-bench-child.ts): one 837P interchange of `claims` generated claims. */
import { generateProfessionalClaims } from '../837-claim.generator';
import { build837PInterchange, type Claim837InterchangeInput } from '../837-claim.interchange';
import type { ProfessionalClaim } from '../837-claim.model';

/** The build input (envelope values and `claims` generated claims), made before the timed build. */
export function synthetic837PInput(claims: number): Claim837InterchangeInput<ProfessionalClaim> {
  return {
    interchange: {
      senderQualifier: 'ZZ',
      senderId: 'SUBMIT0001',
      receiverQualifier: 'ZZ',
      receiverId: 'RECV0001',
      date: '250115',
      time: '1200',
      controlNumber: 1,
      acknowledgmentRequested: false,
      usageIndicator: 'T',
    },
    group: {
      applicationSender: 'SUBMIT0001',
      applicationReceiver: 'RECV0001',
      date: '20250115',
      time: '1200',
      controlNumber: 1,
    },
    transactionControlNumber: '0001',
    options: { referenceIdentification: 'BENCH0001', creationDate: '20250115', creationTime: '1200' },
    claims: generateProfessionalClaims(claims, 1),
  };
}

export function buildSynthetic837P(claims: number): string {
  return build837PInterchange(synthetic837PInput(claims));
}
