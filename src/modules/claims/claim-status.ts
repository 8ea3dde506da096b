/**
 * The claim's life in the gateway. A claim row holds its current status; `claim_status_events` holds
 * every change, append-only. Claims that fail edits are not stored as claims: the batch keeps their
 * per-claim result (codes and paths only).
 */
export const CLAIM_STATUSES = [
  'received',
  'queued',
  'sent',
  // TA1 TA104 = R: the payer refused the whole interchange (envelope), so no 999 follows.
  'rejected_ta1',
  'accepted_999',
  'rejected_999',
  'accepted_277ca',
  'rejected_277ca',
  'paid',
  'partially_paid',
  'denied',
  'voided',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** Statuses in which a claim is still in flight: its patient control number must stay unique. */
export const OPEN_CLAIM_STATUSES: readonly ClaimStatus[] = [
  'received',
  'queued',
  'sent',
  'accepted_999',
  'accepted_277ca',
];

export const CLAIM_STATUS_SOURCES = [
  'api',
  'x12-upload',
  'sftp',
  'ta1',
  '999',
  '277ca',
  '835',
  'admin',
] as const;
export type ClaimStatusSource = (typeof CLAIM_STATUS_SOURCES)[number];

/** Statuses in which a payer refused the claim: an admin fixes it and sends it again (never automatically). */
export const PAYER_REJECTED_CLAIM_STATUSES: readonly ClaimStatus[] = [
  'rejected_ta1',
  'rejected_999',
  'rejected_277ca',
];

export const CLAIM_KINDS = ['professional', 'institutional'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

/** SQL list for the partial unique index and queries (kept next to the TypeScript list). */
export const OPEN_CLAIM_STATUSES_SQL = OPEN_CLAIM_STATUSES.map((status) => `'${status}'`).join(', ');
