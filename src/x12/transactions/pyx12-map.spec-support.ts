/**
 * Test support: a tiny reader for pyx12's XML implementation-guide maps (reference data kept outside the
 * repository), and a flattening of both a map and one of our schemas into comparable loop outlines.
 * The maps are simple XML (elements, attributes, text, comments): no XML dependency is needed.
 */
import type { LoopDef, SchemaNode, TransactionSchema } from '../schema/types';

export interface XmlElement {
  tag: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Parse the subset of XML the maps use. Throws on malformed input (it is a test helper). */
export function parseXml(source: string): XmlElement {
  const root: XmlElement = { tag: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('<', i);
    const textEnd = open === -1 ? source.length : open;
    if (textEnd > i) stack[stack.length - 1].text += decode(source.slice(i, textEnd));
    if (open === -1) break;
    if (source.startsWith('<!--', open)) {
      i = source.indexOf('-->', open) + 3;
      continue;
    }
    const close = source.indexOf('>', open);
    if (close === -1) throw new Error('unterminated tag');
    const body = source.slice(open + 1, close);
    i = close + 1;
    if (body.startsWith('?') || body.startsWith('!')) continue;
    if (body.startsWith('/')) {
      const done = stack.pop();
      if (!done || done.tag !== body.slice(1).trim()) throw new Error(`mismatched </${body.slice(1)}>`);
      continue;
    }
    const selfClosing = body.endsWith('/');
    const inner = selfClosing ? body.slice(0, -1) : body;
    const space = inner.search(/\s/);
    const tag = space === -1 ? inner : inner.slice(0, space);
    const attributes: Record<string, string> = {};
    const attributePattern = /([\w:-]+)\s*=\s*"([^"]*)"/g;
    for (let m = attributePattern.exec(inner); m !== null; m = attributePattern.exec(inner)) {
      attributes[m[1]] = decode(m[2]);
    }
    const element: XmlElement = { tag, attributes, children: [], text: '' };
    stack[stack.length - 1].children.push(element);
    if (!selfClosing) stack.push(element);
  }
  return root;
}

function decode(text: string): string {
  return text
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function childText(element: XmlElement, tag: string): string {
  return element.children.find((c) => c.tag === tag)?.text.trim() ?? '';
}

/** One loop as both sides describe it: path of loop ids, usage, repeat and its own segments in order. */
export interface LoopOutline {
  path: string;
  usage: string;
  repeat: string;
  /** `ID usage repeat` for each segment directly in the loop, in order. */
  segments: string[];
  /** Code values of the trigger segment's elements (`NM101` -> [`85`]); for ours only the qualifier element. */
  triggerCodes: Record<string, string[]>;
}

/** pyx12 wraps the guide's loops in envelope and table loops; those are not guide loops. */
const WRAPPER_LOOPS = new Set(['ISA_LOOP', 'GS_LOOP', 'ST_LOOP', 'HEADER', 'DETAIL', 'FOOTER']);
const ENVELOPE_SEGMENTS = new Set(['ISA', 'IEA', 'GS', 'GE', 'TA1']);

export function outlineOfMap(document: XmlElement): LoopOutline[] {
  const transaction = document.children.find((c) => c.tag === 'transaction');
  if (!transaction) throw new Error('no <transaction> in map');
  const top: LoopOutline = { path: '', usage: 'R', repeat: '1', segments: [], triggerCodes: {} };
  const out: LoopOutline[] = [top];
  const visit = (element: XmlElement, current: LoopOutline): void => {
    for (const child of element.children) {
      if (child.tag === 'segment') {
        const id = child.attributes.xid;
        if (!ENVELOPE_SEGMENTS.has(id)) {
          current.segments.push(`${id} ${childText(child, 'usage')} ${childText(child, 'max_use')}`);
        }
      } else if (child.tag === 'loop') {
        const id = child.attributes.xid;
        if (WRAPPER_LOOPS.has(id)) {
          visit(child, current);
          continue;
        }
        const outline: LoopOutline = {
          path: current.path ? `${current.path}/${id}` : id,
          usage: childText(child, 'usage'),
          repeat: childText(child, 'repeat'),
          segments: [],
          triggerCodes: {},
        };
        const trigger = child.children.find((c) => c.tag === 'segment');
        for (const element of trigger?.children ?? []) {
          if (element.tag !== 'element') continue;
          const codes = element.children.find((c) => c.tag === 'valid_codes');
          if (codes)
            outline.triggerCodes[element.attributes.xid] = codes.children.map((c) => c.text.trim()).sort();
        }
        out.push(outline);
        visit(child, outline);
      }
    }
  };
  visit(transaction, top);
  return out;
}

export function outlineOfSchema(schema: TransactionSchema): LoopOutline[] {
  const top: LoopOutline = { path: '', usage: 'R', repeat: '1', segments: [], triggerCodes: {} };
  const out: LoopOutline[] = [top];
  const visit = (children: readonly SchemaNode[], current: LoopOutline): void => {
    for (const node of children) {
      if (node.kind === 'segment') {
        current.segments.push(`${node.id} ${node.usage} ${String(node.repeat)}`);
        continue;
      }
      const loop: LoopDef = node;
      const outline: LoopOutline = {
        path: current.path ? `${current.path}/${loop.id}` : loop.id,
        usage: loop.usage,
        repeat: String(loop.repeat),
        segments: [],
        triggerCodes: {},
      };
      const trigger = loop.children[0];
      if (trigger?.kind === 'segment' && trigger.qualifier) {
        const { element, component, values } = trigger.qualifier;
        const ref = `${trigger.id}${element < 10 ? '0' : ''}${element}${component ? `-${component}` : ''}`;
        outline.triggerCodes[ref] = [...values].sort();
      }
      out.push(outline);
      visit(loop.children, outline);
    }
  };
  visit(schema.children, top);
  return out;
}

/** One element or component as a side declares it: usage and (sorted) code values, if any. */
export interface ElementOutline {
  usage: string;
  codes: string[];
}

/** Per loop path: for each segment in order, its elements and components by reference (`CLM05-3`). */
export type ElementOutlines = Map<string, Map<string, ElementOutline>[]>;

function codesOf(element: XmlElement): string[] {
  const list = element.children.find((c) => c.tag === 'valid_codes');
  return (list?.children ?? []).map((c) => c.text.trim()).sort();
}

export function elementsOfMap(document: XmlElement): ElementOutlines {
  const transaction = document.children.find((c) => c.tag === 'transaction');
  if (!transaction) throw new Error('no <transaction> in map');
  const out: ElementOutlines = new Map();
  const visit = (element: XmlElement, loopPath: string): void => {
    for (const child of element.children) {
      if (child.tag === 'loop') {
        const id = child.attributes.xid;
        visit(child, WRAPPER_LOOPS.has(id) ? loopPath : loopPath ? `${loopPath}/${id}` : id);
      } else if (child.tag === 'segment' && !ENVELOPE_SEGMENTS.has(child.attributes.xid)) {
        const elements = new Map<string, ElementOutline>();
        for (const part of child.children) {
          if (part.tag === 'element') {
            elements.set(part.attributes.xid, { usage: childText(part, 'usage'), codes: codesOf(part) });
          } else if (part.tag === 'composite') {
            elements.set(part.attributes.xid, { usage: childText(part, 'usage'), codes: [] });
            for (const component of part.children) {
              if (component.tag !== 'element') continue;
              // the maps number components with two digits (CLM05-03); we write CLM05-3
              const ref = component.attributes.xid.replace(/-0(\d)$/, '-$1');
              elements.set(ref, { usage: childText(component, 'usage'), codes: codesOf(component) });
            }
          }
        }
        const list = out.get(loopPath) ?? [];
        list.push(elements);
        out.set(loopPath, list);
      }
    }
  };
  visit(transaction, '');
  return out;
}

export function elementsOfSchema(schema: TransactionSchema): ElementOutlines {
  const out: ElementOutlines = new Map();
  const visit = (children: readonly SchemaNode[], loopPath: string): void => {
    for (const node of children) {
      if (node.kind === 'loop') {
        visit(node.children, loopPath ? `${loopPath}/${node.id}` : node.id);
        continue;
      }
      const elements = new Map<string, ElementOutline>();
      for (const element of node.elements) {
        elements.set(element.ref, { usage: element.usage, codes: [...(element.codes ?? [])].sort() });
        if (element.usage === 'N') continue;
        for (const component of element.components ?? []) {
          elements.set(component.ref, { usage: component.usage, codes: [...(component.codes ?? [])].sort() });
        }
      }
      const list = out.get(loopPath) ?? [];
      list.push(elements);
      out.set(loopPath, list);
    }
  };
  visit(schema.children, '');
  return out;
}
