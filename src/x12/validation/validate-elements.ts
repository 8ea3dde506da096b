/**
 * Element validation of one segment against its SegmentDef (SNIP 1 and 2): required element missing,
 * not-used element present, length, type shape (N0/N2/R, DT, TM), code values, components and
 * repetitions. Messages name the element (`CLM05-3`), never its value.
 */
import { components, repetitions } from '../syntax/elements';
import type { Delimiters, Diagnostic, DiagnosticLocation, Segment } from '../syntax/types';
import type { ComponentDef, ElementDef, SegmentDef, SyntaxRule } from '../schema/types';
import { diagnostic } from './location';
import {
  hasControlCharacter,
  isDate,
  isDateRange,
  isDecimal,
  isNumeric,
  isTime,
  numericLength,
} from './element-types';

type ValueDef = Pick<ComponentDef, 'ref' | 'usage' | 'type' | 'min' | 'max' | 'codes'>;

/**
 * Validate a segment's elements. `location` (or a function that builds it, called only when there is a
 * diagnostic) already names the segment; each diagnostic adds `element`.
 */
export function validateSegmentElements(
  segment: Segment,
  def: SegmentDef,
  delimiters: Delimiters,
  location: DiagnosticLocation | (() => DiagnosticLocation),
): Diagnostic[] {
  const out: Diagnostic[] = [];
  // the segment's location is built only when a diagnostic needs it (most segments have none)
  let segmentLocation: DiagnosticLocation | undefined;
  const at = (element: string): DiagnosticLocation => {
    segmentLocation ??= typeof location === 'function' ? location() : location;
    return { ...segmentLocation, element };
  };
  let definedCount = 0;
  for (const element of def.elements) {
    const position = elementPosition(element.ref);
    definedCount = Math.max(definedCount, position);
    validateElement(segment.elements[position - 1] ?? '', element, delimiters, at, out);
  }
  for (let i = definedCount; i < segment.elements.length; i++) {
    if (segment.elements[i] === '') continue;
    out.push(
      diagnostic(
        'error',
        'X12-IG-ELEMENT-TOO-MANY',
        2,
        `Segment ${def.id} has more elements than the guide defines (${definedCount})`,
        at(`${def.id}${pad2(i + 1)}`),
      ),
    );
    break;
  }
  if (segment.id === 'DTP') checkDateTimePeriod(segment, at, out);
  for (const rule of def.syntaxRules ?? []) checkSyntaxRule(segment, def.id, rule, at, out);
  return out;
}

/**
 * X12 relational conditions (syntax notes): P paired, R at least one, C if the first then all, E at most
 * one, L if the first then at least one of the rest. Presence means a non-empty element.
 */
function checkSyntaxRule(
  segment: Segment,
  /** The guide's id of the segment (messages name the guide's id, never text read from input). */
  segmentId: string,
  rule: SyntaxRule,
  at: (element: string) => DiagnosticLocation,
  out: Diagnostic[],
): void {
  const present = rule.elements.map((n) => (segment.elements[n - 1] ?? '') !== '');
  const count = present.filter(Boolean).length;
  const [first, ...rest] = present;
  let met: boolean;
  switch (rule.kind) {
    case 'P':
      met = count === 0 || count === present.length;
      break;
    case 'R':
      met = count > 0;
      break;
    case 'C':
      met = !first || rest.every(Boolean);
      break;
    case 'E':
      met = count <= 1;
      break;
    case 'L':
      met = !first || rest.some(Boolean);
      break;
  }
  if (met) return;
  const note = `${rule.kind}${rule.elements.map(pad2).join('')}`;
  const refs = rule.elements.map((n) => `${segmentId}${pad2(n)}`);
  out.push(
    diagnostic(
      'error',
      'X12-IG-SYNTAX-RULE',
      2,
      `Syntax rule ${note} of ${segmentId} is not met (${SYNTAX_WORDING[rule.kind]}: ${refs.join(', ')})`,
      at(refs[0]),
    ),
  );
}

const SYNTAX_WORDING: Record<SyntaxRule['kind'], string> = {
  P: 'all or none of',
  R: 'at least one of',
  C: 'when the first is present, all of',
  E: 'at most one of',
  L: 'when the first is present, at least one other of',
};

function validateElement(
  raw: string,
  element: ElementDef,
  delimiters: Delimiters,
  at: (element: string) => DiagnosticLocation,
  out: Diagnostic[],
): void {
  if (raw === '') {
    if (element.usage === 'R') out.push(missing(element.ref, at));
    return;
  }
  if (element.usage === 'N') {
    out.push(notUsed(element.ref, at));
    return;
  }
  const allowedRepeats = element.repeat ?? 1;
  const values = allowedRepeats > 1 ? repetitions(raw, delimiters) : [raw];
  if (values.length > allowedRepeats || (allowedRepeats === 1 && isRepeated(raw, delimiters))) {
    out.push(
      diagnostic(
        'error',
        'X12-IG-REPETITION-TOO-MANY',
        2,
        `Element ${element.ref} repeats more than ${allowedRepeats} time(s)`,
        at(element.ref),
      ),
    );
    return;
  }
  for (const value of values) {
    if (element.components) validateComposite(value, element, element.components, delimiters, at, out);
    else if (value.includes(delimiters.component)) {
      out.push(
        diagnostic(
          'error',
          'X12-IG-COMPONENT-TOO-MANY',
          2,
          `Element ${element.ref} is a simple element but holds components`,
          at(element.ref),
        ),
      );
    } else validateValue(value, element, at, out);
  }
}

function validateComposite(
  value: string,
  element: ElementDef,
  componentDefs: readonly ComponentDef[],
  delimiters: Delimiters,
  at: (element: string) => DiagnosticLocation,
  out: Diagnostic[],
): void {
  const parts = components(value, delimiters);
  if (parts.length > componentDefs.length && parts.slice(componentDefs.length).some((p) => p !== '')) {
    out.push(
      diagnostic(
        'error',
        'X12-IG-COMPONENT-TOO-MANY',
        2,
        `Element ${element.ref} has more than ${componentDefs.length} components`,
        at(element.ref),
      ),
    );
  }
  componentDefs.forEach((component, i) => {
    const part = parts[i] ?? '';
    if (part === '') {
      if (component.usage === 'R') out.push(missing(component.ref, at));
      return;
    }
    if (component.usage === 'N') {
      out.push(notUsed(component.ref, at));
      return;
    }
    validateValue(part, component, at, out);
  });
}

function validateValue(
  value: string,
  def: ValueDef,
  at: (element: string) => DiagnosticLocation,
  out: Diagnostic[],
) {
  const ref = def.ref;
  const isNumber = def.type === 'N0' || def.type === 'N1' || def.type === 'N2' || def.type === 'R';
  const length = isNumber ? numericLength(value) : value.length;
  if (hasControlCharacter(value)) {
    out.push(
      diagnostic(
        'error',
        'X12-IG-ELEMENT-CHARACTERS',
        1,
        `Element ${ref} holds a control character`,
        at(ref),
      ),
    );
    return;
  }
  switch (def.type) {
    case 'N0':
    case 'N1':
    case 'N2':
      if (!isNumeric(value)) {
        out.push(
          diagnostic('error', 'X12-IG-ELEMENT-NUMERIC', 1, `Element ${ref} is not a numeric value`, at(ref)),
        );
        return;
      }
      break;
    case 'R':
      if (!isDecimal(value)) {
        out.push(
          diagnostic('error', 'X12-IG-ELEMENT-DECIMAL', 1, `Element ${ref} is not a decimal number`, at(ref)),
        );
        return;
      }
      break;
    case 'DT':
      if (!isDate(value)) {
        out.push(
          diagnostic(
            'error',
            'X12-IG-ELEMENT-DATE',
            1,
            `Element ${ref} is not a valid calendar date`,
            at(ref),
          ),
        );
        return;
      }
      break;
    case 'TM':
      if (!isTime(value)) {
        out.push(
          diagnostic('error', 'X12-IG-ELEMENT-TIME', 1, `Element ${ref} is not a valid time`, at(ref)),
        );
        return;
      }
      break;
    case 'AN':
    case 'ID':
    case 'B':
      break;
  }
  if (length < def.min) {
    out.push(
      diagnostic(
        'error',
        'X12-IG-ELEMENT-TOO-SHORT',
        1,
        `Element ${ref} is shorter than ${def.min} character(s)`,
        at(ref),
      ),
    );
  } else if (length > def.max) {
    out.push(
      diagnostic(
        'error',
        'X12-IG-ELEMENT-TOO-LONG',
        1,
        `Element ${ref} is longer than ${def.max} character(s)`,
        at(ref),
      ),
    );
  }
  if (def.codes && !def.codes.includes(value)) {
    out.push(
      diagnostic(
        'error',
        'X12-IG-ELEMENT-CODE',
        2,
        `Element ${ref} holds a code value not allowed here`,
        at(ref),
      ),
    );
  }
}

/** DTP03 must match the format DTP02 names: D8 a CCYYMMDD date, RD8 a CCYYMMDD-CCYYMMDD range. */
function checkDateTimePeriod(
  segment: Segment,
  at: (element: string) => DiagnosticLocation,
  out: Diagnostic[],
) {
  const format = segment.elements[1] ?? '';
  const value = segment.elements[2] ?? '';
  if (value === '') return;
  let ok = true;
  if (format === 'D8') ok = value.length === 8 && isDate(value);
  else if (format === 'RD8') ok = isDateRange(value);
  // DT: CCYYMMDDHHMM (837I admission date and hour); TM: HHMM (837I discharge hour)
  else if (format === 'DT') ok = value.length === 12 && isDate(value.slice(0, 8)) && isTime(value.slice(8));
  else if (format === 'TM') ok = value.length === 4 && isTime(value);
  if (!ok) {
    out.push(
      diagnostic(
        'error',
        'X12-IG-DATE-FORMAT',
        2,
        'Element DTP03 does not match the format DTP02 names',
        at('DTP03'),
      ),
    );
  }
}

function isRepeated(raw: string, delimiters: Delimiters): boolean {
  return delimiters.repetition !== null && raw.includes(delimiters.repetition);
}

function missing(ref: string, at: (element: string) => DiagnosticLocation): Diagnostic {
  return diagnostic('error', 'X12-IG-ELEMENT-MISSING', 2, `Required element ${ref} is missing`, at(ref));
}

function notUsed(ref: string, at: (element: string) => DiagnosticLocation): Diagnostic {
  return diagnostic(
    'error',
    'X12-IG-ELEMENT-NOT-USED',
    2,
    `Element ${ref} is marked not used but holds a value`,
    at(ref),
  );
}

/** `CLM05` -> 5. Refs are written by us in the schemas: segment id then two digits. */
function elementPosition(ref: string): number {
  const digits = ref.slice(-2);
  return Number(digits);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
