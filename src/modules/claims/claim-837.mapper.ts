/**
 * The one place that knows both the gateway's claim (the submitted JSON kept in `claims.submitted`) and the
 * X12 engine's 837 model. Pure: no database, no clock. The API's JSON claim is the engine's model (the public
 * Change Healthcare / Stedi claim shape) plus an optional `claimType`; the mapper strips that and fills the
 * few defaults the API allows (the payer name from the receiver).
 */
import type { Interchange, TransactionSet } from '../../x12/envelope/types';
import { X12Error, type Diagnostic } from '../../x12/syntax/types';
import type {
  Claim837BuildOptions,
  InstitutionalClaim,
  ProfessionalClaim,
} from '../../x12/transactions/837-claim.model';
import {
  build837IInterchange,
  build837PInterchange,
  type Claim837InterchangeInput,
} from '../../x12/transactions/837-claim.interchange';
import { build837PBody, VERSION_837P } from '../../x12/transactions/837p-005010x222a1/837p.builder';
import { build837IBody, VERSION_837I } from '../../x12/transactions/837i-005010x223a2/837i.builder';
import { read837P } from '../../x12/transactions/837p-005010x222a1/837p.reader';
import { read837I } from '../../x12/transactions/837i-005010x223a2/837i.reader';
import type { ClaimKind } from './claim-status';
import type { SubmittedClaim } from './claim-intake.mapper';
import type { EditFailure } from './edits/edit.types';

export interface Claim837Item {
  kind: ClaimKind;
  claim: SubmittedClaim;
}

function modelOf(submitted: SubmittedClaim): Record<string, unknown> {
  const { claimType: _claimType, ...claim } = submitted;
  const receiver = claim.receiver as { organizationName?: unknown } | undefined;
  if (claim.tradingPartnerName === undefined && typeof receiver?.organizationName === 'string') {
    claim.tradingPartnerName = receiver.organizationName;
  }
  return claim;
}

export function toProfessionalClaim(submitted: SubmittedClaim): ProfessionalClaim {
  return modelOf(submitted) as unknown as ProfessionalClaim;
}

export function toInstitutionalClaim(submitted: SubmittedClaim): InstitutionalClaim {
  return modelOf(submitted) as unknown as InstitutionalClaim;
}

/**
 * The claims of one 837 transaction set, in the API's JSON shape, with the reader's diagnostics; undefined
 * when the transaction set is not an 837P or 837I.
 */
export function claimsOf837(
  transaction: TransactionSet,
  interchange: Interchange,
): { items: Claim837Item[]; diagnostics: Diagnostic[] } | undefined {
  if (transaction.id !== '837') return undefined;
  if (transaction.version === VERSION_837P) {
    const read = read837P(transaction, interchange.delimiters);
    return {
      items: read.value.claims.map((claim) => ({
        kind: 'professional',
        claim: { claimType: 'professional', ...claim } as unknown as SubmittedClaim,
      })),
      diagnostics: read.diagnostics,
    };
  }
  if (transaction.version === VERSION_837I) {
    const read = read837I(transaction, interchange.delimiters);
    return {
      items: read.value.claims.map((claim) => ({
        kind: 'institutional',
        claim: { claimType: 'institutional', ...claim } as unknown as SubmittedClaim,
      })),
      diagnostics: read.diagnostics,
    };
  }
  return undefined;
}

/** The envelope of an outbound 837 (control numbers from the ledger, dates from the clock): all but the claims. */
export type Claim837Envelope = Omit<Claim837InterchangeInput<unknown>, 'claims'>;

/** One 837P or 837I interchange holding these stored claims (all of one kind, one submitter and receiver). */
export function build837Interchange(
  kind: ClaimKind,
  claims: readonly SubmittedClaim[],
  envelope: Claim837Envelope,
): string {
  return kind === 'professional'
    ? build837PInterchange({ ...envelope, claims: claims.map(toProfessionalClaim) })
    : build837IInterchange({ ...envelope, claims: claims.map(toInstitutionalClaim) });
}

// 1000A/1000B ids come from the trading partner at send time, so the probe supplies placeholders.
const PROBE_OPTIONS: Claim837BuildOptions = {
  referenceIdentification: 'PROBE',
  creationDate: '20000101',
  creationTime: '0000',
  submitterIdentification: 'PROBE',
  receiverIdentification: 'PROBE',
};
const TOP_LEVEL =
  /^(submitter|receiver|subscriber|dependent|billing|rendering|referring|attending|payToAddress|tradingPartner\w*|claimInformation)\b/;

/**
 * The last edit: the claim must build into an 837 with the engine's builder (every element the guide
 * requires). The builder's message names the field, never its value; the path is the field's JSON path.
 */
export function buildFailures(kind: ClaimKind, submitted: SubmittedClaim): EditFailure[] {
  try {
    if (kind === 'professional') build837PBody({ claims: [toProfessionalClaim(submitted)] }, PROBE_OPTIONS);
    else build837IBody({ claims: [toInstitutionalClaim(submitted)] }, PROBE_OPTIONS);
    return [];
  } catch (error) {
    if (!(error instanceof X12Error)) throw error;
    const field = /^([A-Za-z][\w.[\]]*)/.exec(error.message)?.[1] ?? '';
    const path = TOP_LEVEL.test(field)
      ? field
      : field.includes('serviceLines') || !field
        ? `claimInformation.${field || 'serviceLines'}`
        : `claimInformation.${field}`;
    return [
      {
        code: 'X12_REQUIRED_ELEMENT',
        path,
        message: `The claim cannot be written as an 837 (${error.location.element ?? 'element'}): ${error.message}`,
      },
    ];
  }
}

export { VERSION_837I, VERSION_837P };
