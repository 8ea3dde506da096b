/**
 * AAA (request validation) codes of the 271: AAA03 reject reason (X12 element 901) and AAA04
 * follow-up action (element 889). Descriptions in our own words.
 */
export const AAA_REJECT_REASONS: Readonly<Record<string, string>> = {
  '04': 'Authorized quantity exceeded',
  '15': 'Required application data missing',
  '33': 'Input errors',
  '35': 'Out of network',
  '41': 'Authorization or access restrictions',
  '42': 'Unable to respond at this time',
  '43': 'Provider identification invalid or missing',
  '44': 'Provider name invalid or missing',
  '45': 'Provider specialty invalid or missing',
  '46': 'Provider phone number invalid or missing',
  '47': 'Provider state invalid or missing',
  '48': 'Referring provider identification invalid or missing',
  '49': 'Provider is not the primary care physician',
  '50': 'Provider not eligible to make inquiries',
  '51': 'Provider not on file',
  '52': 'Service dates not within the provider plan enrollment',
  '53': 'Inquired benefit does not fit the provider type',
  '54': 'Product or service id qualifier not appropriate',
  '55': 'Product or service id not appropriate',
  '56': 'Date not appropriate',
  '57': 'Date(s) of service invalid or missing',
  '58': 'Date of birth invalid or missing',
  '60': 'Date of birth is after the date(s) of service',
  '61': 'Date of death is before the date(s) of service',
  '62': 'Date of service outside the allowed inquiry period',
  '63': 'Date of service in the future',
  '64': 'Patient id invalid or missing',
  '65': 'Patient name invalid or missing',
  '66': 'Patient gender invalid or missing',
  '67': 'Patient not found',
  '68': 'Patient id number is duplicated',
  '69': "Does not fit the patient's age",
  '70': "Does not fit the patient's gender",
  '71': 'Patient birth date does not match the payer records',
  '72': 'Subscriber/insured id invalid or missing',
  '73': 'Subscriber/insured name invalid or missing',
  '74': 'Subscriber/insured gender invalid or missing',
  '75': 'Subscriber/insured not found',
  '76': 'Subscriber/insured id number is duplicated',
  '77': 'Subscriber found but patient not found',
  '78': 'Subscriber/insured not in the identified group or plan',
  '79': 'Participant identification invalid',
  '80': 'No response received; transaction terminated',
  '97': 'Provider address invalid or missing',
  AA: 'Authorization number not found',
  AE: 'Primary care physician authorization required',
  AF: 'Diagnosis code(s) invalid or missing',
  AG: 'Procedure code(s) invalid or missing',
  AO: 'More patient condition information required',
  CI: 'Certification information does not match the patient',
  E8: 'Medical review required',
  IA: 'Authorization number format invalid',
  MA: 'Authorization missing',
  T4: 'Payer name or identifier missing',
};

/** AAA04 follow-up action codes. */
export const AAA_FOLLOW_UP_ACTIONS: Readonly<Record<string, string>> = {
  C: 'Correct the request and resubmit',
  N: 'Resubmission not allowed',
  P: 'Resubmit the original transaction',
  R: 'Resubmission allowed',
  S: 'Do not resubmit; the payer is asking a third party',
  W: 'Wait 30 days and resubmit',
  X: 'Wait 10 days and resubmit',
  Y: 'Do not resubmit; the payer will respond later',
};

/** Description of an AAA03 reject reason code, or undefined when the code is not in our list. */
export function describeAaaRejectReason(code: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(AAA_REJECT_REASONS, code)
    ? AAA_REJECT_REASONS[code]
    : undefined;
}

/** Description of an AAA04 follow-up action code, or undefined when unknown. */
export function describeAaaFollowUpAction(code: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(AAA_FOLLOW_UP_ACTIONS, code)
    ? AAA_FOLLOW_UP_ACTIONS[code]
    : undefined;
}
