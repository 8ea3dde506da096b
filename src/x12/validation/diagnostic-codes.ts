/**
 * Stable codes for implementation-guide diagnostics: loop/segment structure and elements (WEDI SNIP
 * type 2, some type 1) and the guides' balancing and situational rules (SNIP 3 and 4). Codes never change
 * meaning once published. Guides add their rule codes to RULE_CODES.
 */
export const IMPLEMENTATION_GUIDE_CODES = {
  'X12-IG-UNKNOWN-GUIDE': 'No implementation guide is registered for this ST01 and version (ST03 or GS08).',
  'X12-IG-SEGMENT-UNEXPECTED':
    'A segment is not in the guide at this place (wrong loop, wrong order or unknown).',
  'X12-IG-SEGMENT-ORDER': 'A segment the loop allows comes after segments the guide places after it.',
  'X12-IG-SEGMENT-QUALIFIER': 'A segment the loop allows carries a qualifier the guide does not allow here.',
  'X12-IG-SEGMENT-MISSING': 'A segment the guide requires in this loop is missing.',
  'X12-IG-SEGMENT-REPEAT': 'A segment occurs more often in its loop than the guide allows.',
  'X12-IG-SEGMENT-NOT-USED': 'A segment the guide marks as not used is present.',
  'X12-IG-LOOP-MISSING': 'A loop the guide requires is missing.',
  'X12-IG-LOOP-REPEAT': 'A loop occurs more often than the guide allows.',
  'X12-IG-LOOP-NOT-USED': 'A loop the guide marks as not used is present.',
  'X12-IG-ELEMENT-MISSING': 'A required element or component is empty.',
  'X12-IG-ELEMENT-NOT-USED': 'An element or component the guide marks as not used holds a value.',
  'X12-IG-ELEMENT-TOO-SHORT': 'An element or component is shorter than its minimum length.',
  'X12-IG-ELEMENT-TOO-LONG': 'An element or component is longer than its maximum length.',
  'X12-IG-ELEMENT-NUMERIC': 'An N0/N1/N2 element is not an optionally signed string of digits.',
  'X12-IG-ELEMENT-DECIMAL': 'An R element is not an optionally signed decimal number.',
  'X12-IG-ELEMENT-DATE': 'A DT element is not a real calendar date (CCYYMMDD or YYMMDD).',
  'X12-IG-ELEMENT-TIME': 'A TM element is not a valid time (HHMM, HHMMSS or HHMMSSd..).',
  'X12-IG-ELEMENT-CHARACTERS': 'An element holds a control character outside the X12 character sets.',
  'X12-IG-ELEMENT-CODE': 'An element or component holds a code value the guide does not allow here.',
  'X12-IG-ELEMENT-TOO-MANY': 'A segment has more elements than the guide defines.',
  'X12-IG-COMPONENT-TOO-MANY':
    'An element has more components than the guide defines (or is not a composite).',
  'X12-IG-REPETITION-TOO-MANY': 'An element repeats more often than the guide allows.',
  'X12-IG-SYNTAX-RULE':
    'An X12 syntax note of the segment is not met (P paired, R at least one, C conditional, E exclusive, L list).',
  'X12-IG-DATE-FORMAT': 'A DTP03 value does not match its DTP02 format qualifier (D8, RD8, DT or TM).',
} as const;

/** SNIP type 3 (balancing) and type 4 (situational) rules of the guides. */
export const RULE_CODES = {
  // 835 (transactions/835-005010x221a1: reader and balancing rules)
  'X12-835-AMOUNT-FORMAT': 'An 835 amount element is not a valid decimal amount in whole cents.',
  'X12-835-SEGMENT-IGNORED':
    'An 835 segment stands where the reader cannot place it; its data is not in the model.',
  'X12-835-REQUIRED-SEGMENT-MISSING': 'A segment the 835 reader needs (BPR, TRN, N1*PR, N1*PE) is missing.',
  'X12-835-INCOMPLETE':
    'The 835 transaction set was cut off before its SE: the remittance must not be posted.',
  'X12-835-SVC-BALANCE': 'Service line SVC02 minus its CAS amounts does not equal SVC03 (SNIP 3).',
  'X12-835-CLP-BALANCE':
    'Claim CLP03 minus all its claim and line CAS amounts does not equal CLP04 (SNIP 3).',
  'X12-835-BPR-BALANCE': 'The sum of CLP04 minus the PLB amounts does not equal BPR02 (SNIP 3).',
  'X12-835-BALANCE-UNCHECKED':
    'A balance could not be computed because one of its amounts is not a valid decimal in whole cents.',
  // 999 (transactions/999-005010x231a1: reader and AK9 rules)
  'X12-999-SEGMENT-IGNORED':
    'A 999 segment stands where the reader cannot place it; its data is not in the model.',
  'X12-999-REQUIRED-SEGMENT-MISSING':
    'A segment the 999 reader needs (AK1, AK9, IK5 after an AK2) is missing.',
  'X12-999-INCOMPLETE': 'The 999 transaction set was cut off before its SE: it must not be applied.',
  'X12-999-AK9-COUNT': 'AK9 counts disagree: more accepted than received, or a count is not a number.',
  'X12-999-AK9-CODE': 'AK901 does not agree with the counts of received and accepted transaction sets.',
  // 837P / 837I (transactions/common/claim-837.rules.ts)
  'X12-837-CLM02-BALANCE': 'CLM02 does not equal the sum of the claim service line charges (SV102 / SV203).',
  'X12-837-REF-F8-REQUIRED': 'CLM05-3 is 7 or 8 (replacement or void) but the claim has no REF*F8.',
  'X12-837-REF-F8-NOT-ALLOWED': 'The claim has a REF*F8 but CLM05-3 is neither 7 nor 8.',
  'X12-837-PATIENT-IS-SUBSCRIBER': 'A patient loop 2000C follows a subscriber whose SBR02 is 18 (self).',
  'X12-837-PATIENT-LOOP-MISSING':
    'SBR02 is not 18 (patient is not the subscriber) but the subscriber has no patient loop 2000C, or has claims itself.',
  'X12-837-REF-6R-DUPLICATE':
    'Two service lines of one claim carry the same REF*6R line item control number.',
  'X12-837-SERVICE-LINES-LIMIT': 'A claim has more service lines than the guide allows (837P 50, 837I 999).',
  'X12-837-HL-PARENT-UNKNOWN': 'HL02 names a parent HL01 that does not precede it in the transaction set.',
  'X12-837-HL-ID-DUPLICATE': 'Two HL segments share HL01.',
  'X12-837-HL-CHILD-CODE': 'HL04 says whether the level has children, and it does not match the HL tree.',
  'X12-837-HL-PARENT-LEVEL': 'HL02 names a parent at the wrong level (22 under 20, 23 under 22).',
  'X12-837-PAYER-SEQUENCE-DUPLICATE':
    'Two payers of one claim (2000B SBR01 and 2320 SBR01) share a payer responsibility sequence code.',
  'X12-837-SVD01-OTHER-PAYER': "A 2430 SVD01 does not name one of the claim's 2330B other payers (NM109).",
  'X12-837-COB-LINE-BALANCE':
    "A 2430 SVD02 does not equal the line charge minus that 2430's CAS amounts (SNIP 3).",
  'X12-837-COB-CLAIM-BALANCE':
    "A 2320 AMT*D does not equal CLM02 minus the payer's claim (2320) and line (2430) CAS amounts (SNIP 3).",
  'X12-837-DIAGNOSIS-POINTER':
    "An 837P SV107 diagnosis code pointer does not name one of the claim's HI diagnosis codes.",
  // 277CA (transactions/277ca-005010x214: reader and rules)
  'X12-277CA-WRONG-TRANSACTION': 'The transaction set given to the 277CA reader is not a 277.',
  'X12-277CA-TRUNCATED':
    'The 277CA transaction set ends before its SE; the acknowledgment may be incomplete.',
  'X12-277CA-MISSING-BHT': 'The 277CA has no BHT.',
  'X12-277CA-MISSING-NM1': 'A 277CA level has no name (NM1) loop.',
  'X12-277CA-MISSING-TRN': 'A 2200D claim has no TRN: the CLM01 patient control number is missing.',
  'X12-277CA-MISSING-STC': 'A 2200D claim or 2220D service line has no STC status.',
  'X12-277CA-INVALID-AMOUNT':
    'A 277CA amount or quantity (STC04, SVC02, QTY02, AMT02...) is not a decimal number.',
  'X12-277CA-UNEXPECTED-SEGMENT': 'A segment the 277CA reader does not expect at this place was ignored.',
  'X12-277CA-HL-LEVEL': 'HL03 is not a 277CA level (20, 21, 19, PT).',
  'X12-277CA-HL-PARENT': 'HL02 does not name an earlier HL (or is set at the top level).',
  'X12-277CA-HL-PARENT-LEVEL':
    'HL02 names a parent at the wrong level (21 under 20, 19 under 21, PT under 19).',
  'X12-277CA-HL-CHILD-CODE': 'HL04 does not match whether the level has child levels.',
  'X12-277CA-HL-DUPLICATE-ID': 'Two HL segments share HL01.',
  // 270 (transactions/270-005010x279a1: reader and rules)
  'X12-270-WRONG-TRANSACTION': 'The transaction set given to the 270 reader is not a 270.',
  'X12-270-TRUNCATED': 'The 270 transaction set ends before its SE; the inquiry may be incomplete.',
  'X12-270-MISSING-BHT': 'The 270 has no BHT.',
  'X12-270-MISSING-NM1': 'A 270 level has no name (NM1) loop.',
  'X12-270-MISSING-TRN': "The patient's level (2000C or 2000D) has no TRN trace number.",
  'X12-270-MISSING-EQ': "The patient's level has no EQ eligibility inquiry (2110C or 2110D).",
  'X12-270-DEPENDENT-IS-SUBSCRIBER':
    'A dependent loop 2000D describes the subscriber (INS02 18, or same name and birth date).',
  'X12-270-UNEXPECTED-SEGMENT': 'A segment the 270 reader does not carry into the typed request was ignored.',
  'X12-270-HL-LEVEL': 'HL03 is not a 270 level (20, 21, 22, 23).',
  'X12-270-HL-PARENT': 'HL02 does not name an earlier HL (or is set at the top level).',
  'X12-270-HL-PARENT-LEVEL':
    'HL02 names a parent at the wrong level (21 under 20, 22 under 21, 23 under 22).',
  'X12-270-HL-CHILD-CODE': 'HL04 does not match whether the level has child levels.',
  'X12-270-HL-DUPLICATE-ID': 'Two HL segments share HL01.',
  // 271 (transactions/271-005010x279a1: reader and rules)
  'X12-271-WRONG-TRANSACTION': 'The transaction set given to the 271 reader is not a 271.',
  'X12-271-TRUNCATED': 'The 271 transaction set ends before its SE; the response may be incomplete.',
  'X12-271-MISSING-BHT': 'The 271 has no BHT.',
  'X12-271-MISSING-NM1': 'A 271 level has no name (NM1) loop.',
  'X12-271-INVALID-AMOUNT': 'An EB07 amount, EB08 percent or EB10 quantity is not a decimal number.',
  'X12-271-UNEXPECTED-SEGMENT': 'A segment the 271 reader does not expect at this place was ignored.',
  'X12-271-NO-EB-OR-AAA': "The patient's level has neither an EB benefit nor an AAA rejection.",
  'X12-271-LS-LE': 'LS*2120 and LE*2120 do not pair up around a benefit related entity.',
  'X12-271-HL-LEVEL': 'HL03 is not a 271 level (20, 21, 22, 23).',
  'X12-271-HL-PARENT': 'HL02 does not name an earlier HL (or is set at the top level).',
  'X12-271-HL-PARENT-LEVEL':
    'HL02 names a parent at the wrong level (21 under 20, 22 under 21, 23 under 22).',
  'X12-271-HL-CHILD-CODE': 'HL04 does not match whether the level has child levels.',
  'X12-271-HL-DUPLICATE-ID': 'Two HL segments share HL01.',
} as const;

export const DIAGNOSTIC_CODES = { ...IMPLEMENTATION_GUIDE_CODES, ...RULE_CODES } as const;

export type ImplementationGuideCode = keyof typeof IMPLEMENTATION_GUIDE_CODES;
export type RuleCode = keyof typeof RULE_CODES;
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
