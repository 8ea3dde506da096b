/**
 * Test support: small synthetic 837P transaction sets (no real people, providers or payers), written as
 * inline X12 text with `*` `:` `^` `~`.
 */

export const SUBSCRIBER_IS_PATIENT_837P =
  [
    'ST*837*0001*005010X222A1',
    'BHT*0019*00*BATCH0001*20250115*1200*CH',
    'NM1*41*2*SYNTHETIC BILLING SERVICE*****46*SUB00001',
    'PER*IC*EDI DESK*TE*5555550100',
    'NM1*40*2*SYNTHETIC PAYER CLEARING*****46*RCV00001',
    'HL*1**20*1',
    'PRV*BI*PXC*207Q00000X',
    'NM1*85*2*SYNTHETIC CLINIC*****XX*1234567893',
    'N3*1 TEST WAY',
    'N4*TESTTOWN*NY*100010001',
    'REF*EI*991234567',
    'HL*2*1*22*0',
    'SBR*P*18*GRP0001******CI',
    'NM1*IL*1*DOE*JANE****MI*MEMBER0001',
    'N3*2 SAMPLE ROAD',
    'N4*TESTTOWN*NY*10001',
    'DMG*D8*19800101*F',
    'NM1*PR*2*SYNTHETIC HEALTH PLAN*****PI*PAYER0001',
    'CLM*PCN0001*150.5***11:B:1*Y*A*Y*Y',
    'DTP*431*D8*20250101',
    'REF*D9*TRACE0001',
    'HI*ABK:J069*ABF:R509',
    'NM1*82*1*SMITH*ALEX****XX*1234567893',
    'PRV*PE*PXC*207Q00000X',
    'LX*1',
    'SV1*HC:99213*100*UN*1***1',
    'DTP*472*D8*20250110',
    'REF*6R*LINE0001',
    'LX*2',
    'SV1*HC:87880*50.50*UN*1***1:2',
    'DTP*472*D8*20250110',
    'REF*6R*LINE0002',
    'SE*32*0001',
  ].join('~') + '~';

/** A dependent patient: SBR02 empty, 2000C with PAT01 = 19 (child), claim under 2000C. */
export const DEPENDENT_PATIENT_837P =
  [
    'ST*837*0002*005010X222A1',
    'BHT*0019*00*BATCH0002*20250115*1200*CH',
    'NM1*41*2*SYNTHETIC BILLING SERVICE*****46*SUB00001',
    'PER*IC*EDI DESK*TE*5555550100',
    'NM1*40*2*SYNTHETIC PAYER CLEARING*****46*RCV00001',
    'HL*1**20*1',
    'NM1*85*2*SYNTHETIC CLINIC*****XX*1234567893',
    'N3*1 TEST WAY',
    'N4*TESTTOWN*NY*100010001',
    'REF*EI*991234567',
    'HL*2*1*22*1',
    'SBR*P**GRP0001******CI',
    'NM1*IL*1*DOE*JOHN****MI*MEMBER0002',
    'NM1*PR*2*SYNTHETIC HEALTH PLAN*****PI*PAYER0001',
    'HL*3*2*23*0',
    'PAT*19',
    'NM1*QC*1*DOE*SAM',
    'N3*2 SAMPLE ROAD',
    'N4*TESTTOWN*NY*10001',
    'DMG*D8*20150601*M',
    'CLM*PCN0002*75***11:B:1*Y*A*Y*Y',
    'HI*ABK:J069',
    'LX*1',
    'SV1*HC:99213*75*UN*1***1',
    'DTP*472*D8*20250110',
    'SE*26*0002',
  ].join('~') + '~';

/** Replace the first segment that starts with `prefix` (e.g. `CLM*`) by `replacement`, or drop it when ''. */
export function withSegment(text: string, prefix: string, replacement: string): string {
  const segments = text.split('~');
  const index = segments.findIndex((s) => s.startsWith(prefix));
  if (index === -1) throw new Error(`no segment starting ${prefix}`);
  if (replacement === '') segments.splice(index, 1);
  else segments[index] = replacement;
  return segments.join('~');
}

/** Insert `segment` after the first segment that starts with `prefix`. */
export function insertAfter(text: string, prefix: string, segment: string): string {
  const segments = text.split('~');
  const index = segments.findIndex((s) => s.startsWith(prefix));
  if (index === -1) throw new Error(`no segment starting ${prefix}`);
  segments.splice(index + 1, 0, segment);
  return segments.join('~');
}
