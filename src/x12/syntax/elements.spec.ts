import { elementReference, parseElementReference } from './elements';

describe('elementReference', () => {
  it('spells an element the way the guide does, and reads back to the same position', () => {
    expect([elementReference('CLP', 4), elementReference('CAS', 18), elementReference('N1', 1)]).toEqual([
      'CLP04',
      'CAS18',
      'N101',
    ]);
    for (let element = 1; element <= 99; element++) {
      expect(parseElementReference(elementReference('SVC', element))).toEqual({
        element,
        component: undefined,
      });
    }
  });
});
