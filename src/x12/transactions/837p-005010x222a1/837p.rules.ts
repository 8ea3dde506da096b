/** SNIP 3 and 4 rules of the 837P guide (005010X222A1). */
import {
  claimChargeBalances,
  diagnosisPointersResolve,
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

export const rules837P: readonly TransactionRule[] = [
  // SNIP 3: CLM02 equals the sum of SV102
  claimChargeBalances('SV1', 'SV102'),
  payerClaimControlNumberWhenReplacingOrVoiding,
  patientLoopOnlyWhenPatientIsNotSubscriber,
  lineItemControlNumbersUnique,
  // 2400 repeat 50 in the professional guide
  serviceLineLimit(50),
  hierarchicalLevelsConsistent,
  // COB: one payer per responsibility sequence; 2430 SVD01 names a 2330B payer
  payerResponsibilitySequenceUnique,
  lineAdjudicationPayerKnown,
  // SNIP 3 COB balancing: line charge - 2430 CAS = SVD02; CLM02 - claim and line CAS = AMT*D
  lineAdjudicationBalances('SV1', 'SV102'),
  otherPayerPaidBalances,
  // SV107 pointers name one of the 12 HI diagnosis codes
  diagnosisPointersResolve,
];
