/**
 * Code lists of the 271 EB (eligibility or benefit information) segment: EB01 eligibility/benefit
 * codes (X12 element 1390), EB02 coverage level (1207), EB03 service types (1365) and EB06 time
 * periods (615). Descriptions in our own words; only the common service types.
 */
export const ELIGIBILITY_BENEFIT_CODES: Readonly<Record<string, string>> = {
  '1': 'Active coverage',
  '2': 'Active: full risk capitation',
  '3': 'Active: services capitated',
  '4': 'Active: services capitated to the primary care physician',
  '5': 'Active: pending investigation',
  '6': 'Inactive',
  '7': 'Inactive: pending eligibility update',
  '8': 'Inactive: pending investigation',
  A: 'Co-insurance',
  B: 'Co-payment',
  C: 'Deductible',
  CB: 'Coverage basis',
  D: 'Benefit description',
  E: 'Exclusions',
  F: 'Limitations',
  G: 'Out of pocket (stop loss)',
  H: 'Unlimited',
  I: 'Non-covered',
  J: 'Cost containment',
  K: 'Reserve',
  L: 'Primary care provider',
  M: 'Pre-existing condition',
  MC: 'Managed care coordinator',
  N: 'Services restricted to the named provider',
  O: 'Not deemed a medical necessity',
  P: 'Benefit disclaimer',
  Q: 'Second surgical opinion required',
  R: 'Other or additional payer',
  S: 'Prior year(s) history',
  T: 'Card(s) reported lost or stolen',
  U: 'Contact the named entity for eligibility or benefit information',
  V: 'Cannot process',
  W: 'Other source of data',
  X: 'Health care facility',
  Y: 'Spend down',
};

export const COVERAGE_LEVEL_CODES: Readonly<Record<string, string>> = {
  CHD: 'Children only',
  DEP: 'Dependents only',
  ECH: 'Employee and children',
  EMP: 'Employee only',
  ESP: 'Employee and spouse',
  FAM: 'Family',
  IND: 'Individual',
  SPC: 'Spouse and children',
  SPO: 'Spouse only',
};

export const SERVICE_TYPE_CODES: Readonly<Record<string, string>> = {
  '1': 'Medical care',
  '2': 'Surgical',
  '3': 'Consultation',
  '4': 'Diagnostic X-ray',
  '5': 'Diagnostic lab',
  '6': 'Radiation therapy',
  '7': 'Anesthesia',
  '8': 'Surgical assistance',
  '12': 'Durable medical equipment purchase',
  '18': 'Durable medical equipment rental',
  '20': 'Second surgical opinion',
  '23': 'Diagnostic dental',
  '30': 'Health benefit plan coverage',
  '33': 'Chiropractic',
  '35': 'Dental care',
  '40': 'Oral surgery',
  '42': 'Home health care',
  '45': 'Hospice',
  '47': 'Hospital',
  '48': 'Hospital: inpatient',
  '50': 'Hospital: outpatient',
  '51': 'Hospital: emergency accident',
  '52': 'Hospital: emergency medical',
  '53': 'Hospital: ambulatory surgical',
  '54': 'Long term care',
  '56': 'Medically related transportation',
  '60': 'General benefits',
  '62': 'MRI/CAT scan',
  '68': 'Well baby care',
  '73': 'Diagnostic medical',
  '76': 'Dialysis',
  '78': 'Chemotherapy',
  '80': 'Immunizations',
  '81': 'Routine physical',
  '82': 'Family planning',
  '83': 'Infertility',
  '86': 'Emergency services',
  '88': 'Pharmacy',
  '93': 'Podiatry',
  '98': 'Professional (physician) visit: office',
  '99': 'Professional (physician) visit: inpatient',
  A0: 'Professional (physician) visit: outpatient',
  A3: 'Professional (physician) visit: home',
  A4: 'Psychiatric',
  A6: 'Psychotherapy',
  A7: 'Psychiatric: inpatient',
  A8: 'Psychiatric: outpatient',
  AD: 'Occupational therapy',
  AE: 'Physical medicine',
  AF: 'Speech therapy',
  AG: 'Skilled nursing care',
  AI: 'Substance abuse',
  AL: 'Vision (optometry)',
  BG: 'Cardiac rehabilitation',
  BH: 'Pediatric',
  MH: 'Mental health',
  PT: 'Physical therapy',
  UC: 'Urgent care',
};

export const TIME_PERIOD_QUALIFIERS: Readonly<Record<string, string>> = {
  '6': 'Hour',
  '7': 'Day',
  '13': '24 hours',
  '21': 'Years',
  '22': 'Service year',
  '23': 'Calendar year',
  '24': 'Year to date',
  '25': 'Contract',
  '26': 'Episode',
  '27': 'Visit',
  '28': 'Outlier',
  '29': 'Remaining',
  '30': 'Exceeded',
  '31': 'Not exceeded',
  '32': 'Lifetime',
  '33': 'Lifetime remaining',
  '34': 'Month',
  '35': 'Week',
  '36': 'Admission',
};

function lookup(list: Readonly<Record<string, string>>, code: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(list, code) ? list[code] : undefined;
}

/** EB01: 1 active, 6 inactive, A co-insurance, B co-payment, C deductible, G out of pocket... */
export function describeEligibilityBenefit(code: string): string | undefined {
  return lookup(ELIGIBILITY_BENEFIT_CODES, code);
}

/** EB02 coverage level (IND individual, FAM family...). */
export function describeCoverageLevel(code: string): string | undefined {
  return lookup(COVERAGE_LEVEL_CODES, code);
}

/** EB03 / EQ01 service type (30 health benefit plan coverage, 98 office visit...). */
export function describeServiceType(code: string): string | undefined {
  return lookup(SERVICE_TYPE_CODES, code);
}

/** EB06 time period qualifier (23 calendar year, 29 remaining...). */
export function describeTimePeriod(code: string): string | undefined {
  return lookup(TIME_PERIOD_QUALIFIERS, code);
}
