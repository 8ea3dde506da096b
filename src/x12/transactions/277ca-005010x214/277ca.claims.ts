/**
 * Views of a read 277CA for reconciliation: every claim with the levels above it (the acknowledgments
 * module matches `patientControlNumber` against the CLM01 it sent), and the rejections made above the
 * claim level, which reject whole batches or every claim of a provider.
 */
import type {
  BillingProvider277CA,
  Claim277CA,
  ClaimAcknowledgment277CA,
  InformationReceiver277CA,
  InformationSource277CA,
  StatusInformation,
} from './277ca.model';

export interface AcknowledgedClaim277CA {
  claim: Claim277CA;
  billingProvider: BillingProvider277CA;
  receiver: InformationReceiver277CA;
  source: InformationSource277CA;
}

/** Every 2000D claim in file order, with its provider, receiver and source. */
export function acknowledgedClaims(ack: ClaimAcknowledgment277CA): AcknowledgedClaim277CA[] {
  const out: AcknowledgedClaim277CA[] = [];
  for (const source of ack.informationSources) {
    for (const receiver of source.receivers) {
      for (const billingProvider of receiver.providers) {
        for (const claim of billingProvider.claims) out.push({ claim, billingProvider, receiver, source });
      }
    }
  }
  return out;
}

export interface LevelRejection277CA {
  /** 2200B: the whole batch (every claim of the receiver); 2200C: every claim of the provider. */
  loopId: '2200B' | '2200C';
  hierarchicalId: string;
  statusInformation: StatusInformation[];
}

/** Receiver and provider levels whose own STC rejects: no claim under them was accepted. */
export function levelRejections(ack: ClaimAcknowledgment277CA): LevelRejection277CA[] {
  const out: LevelRejection277CA[] = [];
  for (const source of ack.informationSources) {
    for (const receiver of source.receivers) {
      if (receiver.outcome === 'rejected') {
        out.push({
          loopId: '2200B',
          hierarchicalId: receiver.hierarchicalId,
          statusInformation: receiver.statusInformation,
        });
      }
      for (const provider of receiver.providers) {
        if (provider.outcome === 'rejected') {
          out.push({
            loopId: '2200C',
            hierarchicalId: provider.hierarchicalId,
            statusInformation: provider.statusInformation,
          });
        }
      }
    }
  }
  return out;
}
