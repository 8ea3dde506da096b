/**
 * Test support: wrap an 835 body (segments between ST and SE, one per line, `*` `:` `~` optional) in a
 * minimal envelope and read it with readX12, so rule and reader specs stay short and readable.
 */
import { readX12 } from '../../read';
import type { Interchange, TransactionSet } from '../../envelope/types';
import type { RuleInput } from '../guide.types';

const ISA =
  'ISA*00*          *00*          *ZZ*PAYERSIM       *ZZ*GATEWAYTEST    *260105*1200*^*00501*000000001*0*T*:~';

export function wrapBody(
  body: string,
  transactionSet = '835',
  version = '005010X221A1',
  functional = 'HP',
): string {
  const segments = body
    .split('\n')
    .map((line) => line.trim().replace(/~$/, ''))
    .filter((line) => line !== '');
  return [
    ISA,
    `GS*${functional}*PAYERSIM*GATEWAYTEST*20260105*1200*1*X*${version}~`,
    `ST*${transactionSet}*0001*${version}~`,
    ...segments.map((segment) => `${segment}~`),
    `SE*${segments.length + 2}*0001~`,
    'GE*1*1~',
    'IEA*1*000000001~',
  ].join('');
}

export function transactionOf(
  body: string,
  transactionSet?: string,
  version?: string,
  functional?: string,
): {
  tx: TransactionSet;
  interchange: Interchange;
} {
  const read = readX12(wrapBody(body, transactionSet, version, functional));
  const interchange = read.value[0];
  return { tx: interchange.groups[0].transactions[0], interchange };
}

export function ruleInput(body: string): RuleInput {
  const { tx, interchange } = transactionOf(body);
  return {
    segments: tx.segments,
    delimiters: interchange.delimiters,
    location: {
      interchangeControlNumber: '000000001',
      groupControlNumber: '1',
      transactionControlNumber: '0001',
    },
    loopOf: () => undefined,
  };
}
