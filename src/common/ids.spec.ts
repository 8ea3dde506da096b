import { isUuid, newId, randomAlphanumeric } from './ids';

it('makes UUIDs and recognises them', () => {
  const id = newId();
  expect(isUuid(id)).toBe(true);
  for (const bad of ['', 'x', `${id}0`, id.replace(/-/g, ''), 42, null]) expect(isUuid(bad)).toBe(false);
});

it('makes random alphanumeric strings of the requested length', () => {
  const values = Array.from({ length: 200 }, () => randomAlphanumeric(8));
  expect(values.every((v) => /^[A-Za-z0-9]{8}$/.test(v))).toBe(true);
  expect(new Set(values).size).toBe(200);
});
