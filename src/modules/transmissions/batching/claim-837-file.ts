// Lays out and writes one outbound 837 file: queued claims split into transaction sets (at most
// maxClaimsPerTransaction each), the sets placed into one interchange or one interchange each
// (oneInterchangePerFile), with the partner's ids, delimiters, ISA14 and ISA15. Pure: control numbers and
// the instant come from the caller (the ledger and the Clock), so the same input always gives the same bytes.
// The engine's writer is used directly rather than build837Interchange, which writes one transaction set with
// the default delimiters only.
import { writeInterchange } from '../../../x12/envelope/interchange-writer';
import type { Delimiters } from '../../../x12/syntax/types';
import type { Claim837BuildOptions } from '../../../x12/transactions/837-claim.model';
import { build837PBody } from '../../../x12/transactions/837p-005010x222a1/837p.builder';
import { build837IBody } from '../../../x12/transactions/837i-005010x223a2/837i.builder';
import {
  toInstitutionalClaim,
  toProfessionalClaim,
  VERSION_837I,
  VERSION_837P,
} from '../../claims/claim-837.mapper';
import type { SubmittedClaim } from '../../claims/claim-intake.mapper';
import type { ClaimKind } from '../../claims/claim-status';
import type { TradingPartnerEntity } from '../../trading-partners/trading-partner.entity';

/** The partner settings a file depends on (a subset of TradingPartnerEntity). */
export type Claim837FilePartner = Pick<
  TradingPartnerEntity,
  | 'isaSenderQualifier'
  | 'isaSenderId'
  | 'isaReceiverQualifier'
  | 'isaReceiverId'
  | 'gsSenderCode'
  | 'gsReceiverCode'
  | 'usageIndicator'
  | 'acknowledgmentRequested'
  | 'delimiters'
  | 'maxClaimsPerTransaction'
  | 'oneInterchangePerFile'
>;

/** How many interchanges and transaction sets a file of `claimCount` claims needs, and which set goes where. */
export interface Claim837FileLayout {
  /** Claims per transaction set, in order. */
  setSizes: number[];
  /** For each interchange, the indexes of its transaction sets. */
  interchangeSets: number[][];
}

export function layout837File(claimCount: number, partner: Claim837FilePartner): Claim837FileLayout {
  const perSet = partner.maxClaimsPerTransaction;
  if (!Number.isInteger(claimCount) || claimCount < 1) throw new RangeError('claimCount must be at least 1');
  if (!Number.isInteger(perSet) || perSet < 1)
    throw new RangeError('maxClaimsPerTransaction must be at least 1');
  const setSizes: number[] = [];
  for (let left = claimCount; left > 0; left -= perSet) setSizes.push(Math.min(perSet, left));
  const indexes = setSizes.map((_, index) => index);
  // Several interchanges per file: one per transaction set, so a TA1 rejection of one envelope holds back
  // only that set's claims.
  const interchangeSets = partner.oneInterchangePerFile ? [indexes] : indexes.map((index) => [index]);
  return { setSizes, interchangeSets };
}

export interface Claim837FileInterchange {
  isa13: number;
  gs06: number;
  sets: { st02: number; claims: readonly SubmittedClaim[] }[];
}

export interface Claim837FileInput {
  kind: ClaimKind;
  partner: Claim837FilePartner;
  at: Date;
  interchanges: readonly Claim837FileInterchange[];
}

function two(value: number): string {
  return String(value).padStart(2, '0');
}

/** ISA09 YYMMDD, GS04/BHT04 CCYYMMDD, ISA10/GS05/BHT05 HHMM, all in UTC. */
export function envelopeDates(at: Date): { yymmdd: string; ccyymmdd: string; hhmm: string } {
  const ccyymmdd = `${at.getUTCFullYear()}${two(at.getUTCMonth() + 1)}${two(at.getUTCDate())}`;
  return { ccyymmdd, yymmdd: ccyymmdd.slice(2), hhmm: `${two(at.getUTCHours())}${two(at.getUTCMinutes())}` };
}

function delimitersOf(partner: Claim837FilePartner): Delimiters {
  const { element, repetition, component, segment } = partner.delimiters;
  return { element, repetition, component, segment };
}

/** The file's text: the interchanges one after another, no line breaks. Throws the engine's X12Error. */
export function write837File(input: Claim837FileInput): string {
  const { partner, kind } = input;
  const dates = envelopeDates(input.at);
  const version = kind === 'professional' ? VERSION_837P : VERSION_837I;
  const submitterId = partner.gsSenderCode ?? partner.isaSenderId;
  const receiverId = partner.gsReceiverCode ?? partner.isaReceiverId;
  const delimiters = delimitersOf(partner);
  return input.interchanges
    .map((interchange) =>
      writeInterchange(
        {
          header: {
            senderQualifier: partner.isaSenderQualifier,
            senderId: partner.isaSenderId,
            receiverQualifier: partner.isaReceiverQualifier,
            receiverId: partner.isaReceiverId,
            date: dates.yymmdd,
            time: dates.hhmm,
            controlNumber: interchange.isa13,
            acknowledgmentRequested: partner.acknowledgmentRequested,
            usageIndicator: partner.usageIndicator,
          },
          groups: [
            {
              header: {
                functionalIdentifier: 'HC',
                applicationSender: submitterId,
                applicationReceiver: receiverId,
                date: dates.ccyymmdd,
                time: dates.hhmm,
                controlNumber: interchange.gs06,
                version,
              },
              transactions: interchange.sets.map((set) => {
                const options: Claim837BuildOptions = {
                  // BHT03: unique per transaction set for this sender (ISA13 + ST02 from the ledger).
                  referenceIdentification: `${interchange.isa13}-${set.st02}`,
                  creationDate: dates.ccyymmdd,
                  creationTime: dates.hhmm,
                  submitterIdentification: submitterId,
                  receiverIdentification: receiverId,
                };
                const body =
                  kind === 'professional'
                    ? build837PBody({ claims: set.claims.map(toProfessionalClaim) }, options)
                    : build837IBody({ claims: set.claims.map(toInstitutionalClaim) }, options);
                return { id: '837', controlNumber: set.st02, version, body };
              }),
            },
          ],
        },
        { delimiters },
      ),
    )
    .join('');
}
