/**
 * Test support: turn inline X12 text (`ST*837*0001~BHT*...~`) into Segment arrays with positions, so
 * schema and validation specs do not depend on the reader. Delimiters are `*`, `:`, `^` and `~`.
 */
import type { Delimiters, Segment } from '../syntax/types';

export const TEST_DELIMITERS: Delimiters = { element: '*', repetition: '^', component: ':', segment: '~' };

export function segmentsOf(text: string): Segment[] {
  const segments: Segment[] = [];
  let byteOffset = 0;
  for (const raw of text.split('~')) {
    const trimmed = raw.replace(/^\s+/, '');
    const leading = raw.length - trimmed.length;
    if (trimmed !== '') {
      const [id, ...elements] = trimmed.split('*');
      segments.push({ id, elements, index: segments.length, byteOffset: byteOffset + leading });
    }
    byteOffset += raw.length + 1;
  }
  return segments;
}
