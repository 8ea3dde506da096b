/**
 * PHI canary: element values never reach diagnostic messages. Every non-envelope element below holds
 * a canary; the inputs are broken in many ways; no syntax or envelope message may contain it.
 * (Guide validation has its own canary checks beside its rules.)
 */
import { readX12 } from '../read';

const CANARY = 'ZQXCANARY';
const ISA =
  'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260101*1200*^*00501*000000001*0*T*:~';
const GS = 'GS*HC*SENDER*RECEIVER*20260101*1200*1*X*005010X222A1~';
const BODY = [
  `BHT*0019*00*${CANARY}*20260101*1200*CH~`,
  `NM1*IL*1*${CANARY}*${CANARY}****MI*${CANARY}~`,
  `CLM*${CANARY}*100***11:B:1*Y*A*Y*Y~`,
  `${CANARY}*${CANARY}~`,
  `NTE*ADD*${CANARY}:${CANARY}^${CANARY}~`,
].join('');

const INPUTS = [
  `${ISA}${GS}ST*837*0001*005010X222A1~${BODY}SE*7*0001~GE*1*1~IEA*1*000000001~`,
  `${ISA}${GS}ST*837*0001*005010X222A1~${BODY}SE*99*0002~GE*5*7~IEA*3*000000009~`,
  `${ISA}${GS}ST*837*0001*005010X222A1~${BODY}`,
  `${ISA}${BODY}${GS}${BODY}GE*1*1~${BODY}IEA*1*000000001~`,
  `${CANARY}${ISA}~~${BODY}${CANARY}`,
  `${ISA}${GS}ST*837*0001*005010X222A1~NM1*${'X'.repeat(300)}${CANARY}~SE*3*0001~GE*1*1~IEA*1*000000001~`,
];

describe('PHI canary', () => {
  it.each(INPUTS.map((input, i) => [i, input]))(
    'input %i: no diagnostic message carries an element value',
    (_i, input) => {
      expect(readX12(input, { maxSegmentBytes: 200 }).diagnostics.length).toBeGreaterThan(0);
      for (const result of [readX12(input, { maxSegmentBytes: 200 }), readX12(input)]) {
        for (const diagnostic of result.diagnostics) {
          expect(diagnostic.message).not.toContain(CANARY);
          expect(JSON.stringify(diagnostic.location)).not.toContain(CANARY);
        }
      }
    },
  );
});
