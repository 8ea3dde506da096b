// The content check for collected files. A partner's upload that died mid-way can have a normal name and a
// stable size, so the listing cannot tell; after download, a file counts as a complete interchange only if
// it starts with ISA and its last segment is an IEA (trailing whitespace and line breaks ignored). A file that
// fails is quarantined (or left for the next poll), never parsed as complete. Pure: no I/O, linear time.

const WHITESPACE = new Set([0x20, 0x09, 0x0d, 0x0a]);

/** Delimiters found by counting elements, so an ISA padded short still yields them (ISA16 is the 16th element). */
function interchangeDelimiters(
  text: string,
  start: number,
): { element: string; segment: string } | undefined {
  if (text.slice(start, start + 3) !== 'ISA') return undefined;
  const element = text[start + 3];
  if (element === undefined || /[A-Za-z0-9 ]/.test(element)) return undefined;
  let position = start + 3;
  for (let count = 0; count < 16; count += 1) {
    position = text.indexOf(element, position + (count === 0 ? 0 : 1));
    if (position < 0 || position - start > 200) return undefined;
  }
  // position is the separator before ISA16; ISA16 is one character, the segment terminator follows it.
  const segment = text[position + 2];
  if (segment === undefined || segment === element) return undefined;
  return { element, segment };
}

export function isCompleteInterchange(bytes: Uint8Array): boolean {
  // latin1 keeps one character per byte, so positions are byte positions and multi-byte text cannot split.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let start = 0;
  while (start < text.length && WHITESPACE.has(text.charCodeAt(start))) start += 1;
  const delimiters = interchangeDelimiters(text, start);
  if (delimiters === undefined) return false;

  // Drop trailing whitespace; a terminator that is itself whitespace (a line feed) must be among what was dropped.
  let end = text.length;
  while (end > start && WHITESPACE.has(text.charCodeAt(end - 1))) end -= 1;
  let lastSegmentEnd: number;
  if (WHITESPACE.has(delimiters.segment.charCodeAt(0))) {
    if (!text.slice(end).includes(delimiters.segment)) return false;
    lastSegmentEnd = end;
  } else {
    if (end <= start || text[end - 1] !== delimiters.segment) return false;
    lastSegmentEnd = end - 1;
  }

  // The last segment runs from the previous terminator (skipping line breaks after it) to its terminator.
  const previous = text.lastIndexOf(delimiters.segment, lastSegmentEnd - 1);
  let segmentStart = previous + 1;
  while (segmentStart < lastSegmentEnd && WHITESPACE.has(text.charCodeAt(segmentStart))) segmentStart += 1;
  const last = text.slice(segmentStart, lastSegmentEnd).split(delimiters.element);
  // IEA01 number of functional groups, IEA02 the interchange control number (9 digits).
  return last.length === 3 && last[0] === 'IEA' && /^\d{1,5}$/.test(last[1]) && /^\d{9}$/.test(last[2]);
}
