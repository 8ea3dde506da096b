/** Payers every organisation may use out of the box: they route to the gateway's sandbox payer simulator. */
export const SANDBOX_PAYERS = [
  { payerId: 'SANDBOX1', name: 'SANDBOX COMMERCIAL PAYER', claimFilingIndicator: 'CI' },
  { payerId: 'SANDBOX2', name: 'SANDBOX MEDICARE PART B', claimFilingIndicator: 'MB' },
  { payerId: 'SANDBOX3', name: 'SANDBOX MEDICAID', claimFilingIndicator: 'MC' },
] as const;
