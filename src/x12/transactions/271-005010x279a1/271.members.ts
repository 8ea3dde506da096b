/**
 * Per-patient view of a read 271: each subscriber and dependent with the levels above it, every AAA
 * that applies to it (its own, its benefits', and those of the payer and provider levels above), and
 * a coverage status summarising the EB01 codes.
 */
import type {
  EligibilityResponse271,
  InformationReceiver271,
  InformationSource271,
  Member271,
  RequestValidation,
} from './271.model';

export type CoverageStatus = 'active' | 'inactive' | 'rejected' | 'unknown';

export interface EligibilityMember271 {
  role: 'subscriber' | 'dependent';
  member: Member271;
  /** The subscriber a dependent belongs to (the member itself for a subscriber). */
  subscriber: Member271;
  receiver: InformationReceiver271;
  source: InformationSource271;
  /** AAA rejections from the source, receiver, subscriber (for a dependent), the member and its benefits. */
  rejections: RequestValidation[];
  coverageStatus: CoverageStatus;
}

/** EB01 1-5 active (with variants), 6-8 inactive (X12 element 1390). */
const ACTIVE = new Set(['1', '2', '3', '4', '5']);
const INACTIVE = new Set(['6', '7', '8']);

function coverageOf(member: Member271, rejections: readonly RequestValidation[]): CoverageStatus {
  const codes = member.benefits.map((benefit) => benefit.eligibilityCode);
  if (codes.some((code) => ACTIVE.has(code))) return 'active';
  if (codes.some((code) => INACTIVE.has(code))) return 'inactive';
  return rejections.length > 0 ? 'rejected' : 'unknown';
}

function ownRejections(member: Member271): RequestValidation[] {
  return [...member.rejections, ...member.benefits.flatMap((benefit) => benefit.rejections)];
}

export function eligibilityMembers(response: EligibilityResponse271): EligibilityMember271[] {
  const out: EligibilityMember271[] = [];
  for (const source of response.informationSources) {
    for (const receiver of source.receivers) {
      const above = [...source.rejections, ...receiver.rejections];
      for (const subscriber of receiver.subscribers) {
        const subscriberRejections = [...above, ...ownRejections(subscriber)];
        out.push({
          role: 'subscriber',
          member: subscriber,
          subscriber,
          receiver,
          source,
          rejections: subscriberRejections,
          coverageStatus: coverageOf(subscriber, subscriberRejections),
        });
        for (const dependent of subscriber.dependents ?? []) {
          const rejections = [...above, ...subscriber.rejections, ...ownRejections(dependent)];
          out.push({
            role: 'dependent',
            member: dependent,
            subscriber,
            receiver,
            source,
            rejections,
            coverageStatus: coverageOf(dependent, rejections),
          });
        }
      }
    }
  }
  return out;
}
