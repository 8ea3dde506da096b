/** SNIP 3 and 4 rules of the 837I guide (005010X223A2). */
import {
  claimChargeBalances,
  hierarchicalLevelsConsistent,
  lineAdjudicationPayerKnown,
  lineAdjudicationBalances,
  lineItemControlNumbersUnique,
  otherPayerPaidBalances,
  patientLoopOnlyWhenPatientIsNotSubscriber,
  payerClaimControlNumberWhenReplacingOrVoiding,
  payerResponsibilitySequenceUnique,
  serviceLineLimit,
} from '../common/claim-837.rules';
import type { TransactionRule } from '../guide.types';

export const rules837I: readonly TransactionRule[] = [
  // SNIP 3: CLM02 equals the sum of SV203
  claimChargeBalances('SV2', 'SV203'),
  payerClaimControlNumberWhenReplacingOrVoiding,
  patientLoopOnlyWhenPatientIsNotSubscriber,
  lineItemControlNumbersUnique,
  // 2400 repeat 999 in the institutional guide
  serviceLineLimit(999),
  hierarchicalLevelsConsistent,
  // COB: one payer per responsibility sequence; 2430 SVD01 names a 2330B payer
  payerResponsibilitySequenceUnique,
  lineAdjudicationPayerKnown,
  // SNIP 3 COB balancing: line charge - 2430 CAS = SVD02; CLM02 - claim and line CAS = AMT*D
  lineAdjudicationBalances('SV2', 'SV203'),
  otherPayerPaidBalances,
];
