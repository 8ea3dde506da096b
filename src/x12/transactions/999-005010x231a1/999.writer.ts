/**
 * Writes an Acknowledgment999 as the body of a 999 transaction set (AK1 through AK9, the segments
 * between ST and SE) for writeInterchange. See 999.acknowledge.ts to build the model from the engine's
 * diagnostics of a received functional group.
 */
import type { SegmentInput } from '../../envelope/types';
import type { Acknowledgment999, Context999, ElementPosition999 } from './999.model';

function position(value: ElementPosition999): string[] {
  return [value.element, value.component ?? '', value.repetition ?? ''];
}

function context(value: Context999): SegmentInput {
  return {
    id: 'CTX',
    elements: [
      value.reference === undefined ? value.name : [value.name, value.reference],
      value.segmentId,
      value.segmentPosition,
      value.loopId,
      value.elementPosition ? position(value.elementPosition) : undefined,
      value.elementReference,
    ],
  };
}

export function build999Body(ack: Acknowledgment999): SegmentInput[] {
  const out: SegmentInput[] = [
    {
      id: 'AK1',
      elements: [
        ack.functionalGroup.functionalIdentifier,
        ack.functionalGroup.groupControlNumber,
        ack.functionalGroup.version,
      ],
    },
  ];
  for (const response of ack.transactionSetResponses) {
    out.push({
      id: 'AK2',
      elements: [
        response.transactionSetId,
        response.controlNumber,
        response.implementationConventionReference,
      ],
    });
    for (const error of response.segmentErrors) {
      out.push({ id: 'IK3', elements: [error.segmentId, error.position, error.loopId, error.errorCode] });
      out.push(...error.contexts.map(context));
      for (const elementError of error.elementErrors) {
        out.push({
          id: 'IK4',
          elements: [
            position(elementError.position),
            elementError.elementReference,
            elementError.errorCode,
            elementError.badElementCopy,
          ],
        });
        out.push(...elementError.contexts.map(context));
      }
    }
    out.push({
      id: 'IK5',
      elements: [response.acknowledgmentCode, ...response.syntaxErrorCodes.slice(0, 5)],
    });
  }
  const group = ack.groupResponse;
  out.push({
    id: 'AK9',
    elements: [
      group.acknowledgmentCode,
      group.transactionSetsIncluded,
      group.transactionSetsReceived,
      group.transactionSetsAccepted,
      ...group.syntaxErrorCodes.slice(0, 5),
    ],
  });
  return out;
}
