/** Plain row shapes written by intake (one per table), built by the intake mapper from the claim model. */
import type { ClaimKind, ClaimStatus, ClaimStatusSource } from '../claim-status';

export interface ClaimRow {
  id: string;
  orgId: string;
  batchId: string;
  batchIndex: number;
  kind: ClaimKind;
  status: ClaimStatus;
  payerId: string;
  billingProviderId: string;
  renderingProviderId: string | null;
  subscriberId: string;
  patientId: string | null;
  patientControlNumber: string;
  frequencyCode: string;
  payerClaimControlNumber: string | null;
  facilityCode: string;
  /** CCYY-MM-DD */
  serviceDateFrom: string;
  serviceDateTo: string;
  /** Decimal string, e.g. `100.50`. */
  totalCharge: string;
  lineCount: number;
  fingerprint: string;
  submitted: unknown;
  createdAt: Date;
}

export interface ServiceLineRow {
  id: string;
  orgId: string;
  claimId: string;
  lineNumber: number;
  procedureCode: string | null;
  revenueCode: string | null;
  modifiers: string[];
  chargeAmount: string;
  unitCount: string;
  serviceDateFrom: string | null;
  serviceDateTo: string | null;
  lineItemControlNumber: string | null;
  nationalDrugCode: string | null;
}

export interface DiagnosisRow {
  id: string;
  orgId: string;
  claimId: string;
  position: number;
  qualifier: string;
  code: string;
}

export interface ProviderRow {
  id: string;
  orgId: string;
  npi: string;
  name: string;
  taxId: string | null;
  taxonomyCode: string | null;
  address: unknown;
}

export interface PatientRow {
  id: string;
  orgId: string;
  role: 'subscriber' | 'dependent';
  identityHash: string;
  memberId: string | null;
  firstName: string | null;
  lastName: string;
  birthDate: string | null;
  gender: string | null;
  address: unknown;
}

export interface StatusEventRow {
  id: string;
  orgId: string;
  claimId: string;
  status: ClaimStatus;
  source: ClaimStatusSource;
  details: Record<string, unknown>;
  at: Date;
}
