/**
 * visitRemittances835 (segments read into the model as they are scanned, never kept) gives exactly what
 * readX12 + read835 give: same models, same reader diagnostics, same envelope diagnostics, and other
 * transaction sets still arrive whole.
 */
import { readX12 } from '../../read';
import type { EnvelopeEvent } from '../../envelope/envelope-events';
import type { Diagnostic, Result } from '../../syntax/types';
import { synthetic835 } from '../../testing/synthetic-835';
import { goldenFiles } from '../../../../test/support/x12-golden';
import type { Remittance835 } from './835.model';
import { read835, Remittance835Reader } from './835.reader';
import { visitRemittances835 } from './835.visit';

function viaReadX12(text: string): { remittances: Result<Remittance835>[]; diagnostics: Diagnostic[] } {
  const read = readX12(text);
  const remittances = read.value.flatMap((interchange) =>
    interchange.groups.flatMap((group) =>
      group.transactions
        .filter((tx) => tx.id === '835')
        .map((tx) =>
          read835(tx, interchange.delimiters, { interchangeControlNumber: interchange.controlNumber }),
        ),
    ),
  );
  return { remittances, diagnostics: read.diagnostics };
}

function viaVisit(text: string): {
  remittances: Result<Remittance835>[];
  diagnostics: Diagnostic[];
  others: EnvelopeEvent[];
} {
  const remittances: Result<Remittance835>[] = [];
  const diagnostics: Diagnostic[] = [];
  const others: EnvelopeEvent[] = [];
  visitRemittances835(
    text,
    (remittance, event) => {
      expect(event.transaction.id).toBe('835');
      expect(event.transaction.segments).toEqual([]);
      remittances.push(remittance);
    },
    (event) => {
      if (event.kind === 'diagnostic') diagnostics.push(event.diagnostic);
      else others.push(event);
    },
  );
  return { remittances, diagnostics, others };
}

describe('visitRemittances835', () => {
  const files = [
    ...goldenFiles('835').map((file) => [file.name, file.text] as const),
    ['synthetic, 3 sets of 40 claims', synthetic835({ transactions: 3, claimsPerTransaction: 40 })] as const,
  ];

  it.each(files)('%s: same models and diagnostics as readX12 + read835', (_name, text) => {
    const expected = viaReadX12(text);
    const actual = viaVisit(text);
    expect(actual.remittances.length).toBeGreaterThan(0);
    expect(actual.remittances).toEqual(expected.remittances);
    expect(actual.diagnostics).toEqual(expected.diagnostics);
  });

  it('reports a cut-off 835 as incomplete, like read835', () => {
    const text = synthetic835({ transactions: 1, claimsPerTransaction: 3 });
    const cut = text.slice(0, text.indexOf('SE*'));
    const actual = viaVisit(cut);
    expect(actual.remittances.map((r) => r.diagnostics.map((d) => d.code))).toEqual(
      viaReadX12(cut).remittances.map((r) => r.diagnostics.map((d) => d.code)),
    );
    expect(actual.remittances[0].diagnostics.map((d) => d.code)).toContain('X12-835-INCOMPLETE');
    expect(actual.diagnostics.map((d) => d.code)).toContain('X12-ENV-SE-MISSING');
  });

  it('passes other transaction sets on whole, with their segments', () => {
    const text835 = synthetic835({ transactions: 1, claimsPerTransaction: 1 });
    const other = text835
      .replace('ST*835*', 'ST*999*')
      .replace('GS*HP*', 'GS*FA*')
      .replace('*000000001*', '*000000002*')
      .replace('IEA*1*000000001', 'IEA*1*000000002');
    const actual = viaVisit(text835 + other);
    expect(actual.remittances).toHaveLength(1);
    const passed = actual.others.filter((event) => event.kind === 'transaction');
    expect(passed).toHaveLength(1);
    expect(passed[0].kind === 'transaction' && passed[0].transaction.segments.length).toBeGreaterThan(5);
  });
});

describe('Remittance835Reader', () => {
  it('fed kept Segments one by one, gives exactly what read835 gives', () => {
    const read = readX12(goldenFiles('835').find((file) => file.name === 'partially-paid')!.text);
    const interchange = read.value[0];
    const tx = interchange.groups[0].transactions[0];
    const [st, ...rest] = tx.segments;
    const reader = new Remittance835Reader(st, interchange.delimiters);
    for (const segment of rest) reader.segment(segment);
    const result = reader.finish(tx.complete);
    expect(result).toEqual(read835(tx, interchange.delimiters));
    expect(result.value.claimGroups[0].claims[0].chargeCents).toBe(45050);
  });
});
