import { selectCompleteFiles } from './collect-files';
import type { RemoteDirectoryEntry } from './sftp-connection';

const file = (name: string, size: number, modifyTimeMs = 1_000, type = '-'): RemoteDirectoryEntry => ({
  name,
  size,
  modifyTimeMs,
  type,
});

describe('selectCompleteFiles', () => {
  it('keeps regular files whose size and mtime did not change between the two listings', () => {
    const first = [file('a.999', 10), file('b.277', 20), file('c.835', 30)];
    const second = [file('a.999', 10), file('b.277', 25), file('c.835', 30, 2_000)];
    expect(selectCompleteFiles(first, second, 'inbound').map((f) => f.path)).toEqual(['inbound/a.999']);
  });

  it('skips files that appeared between the listings, directories and links', () => {
    const first = [file('dir', 0, 1, 'd'), file('link', 0, 1, 'l')];
    const second = [...first, file('new.999', 10)];
    expect(selectCompleteFiles(first, second, 'in')).toEqual([]);
  });

  it('skips temporary names', () => {
    const names = ['.x.999.part', 'x.999.part', 'x.tmp', 'x.filepart', '~x', 'x.999'];
    const listing = names.map((name) => file(name, 5));
    expect(selectCompleteFiles(listing, listing, 'in').map((f) => f.name)).toEqual(['x.999']);
  });

  it('takes custom temporary patterns', () => {
    const listing = [file('x.999', 5), file('x.999.writing', 5)];
    expect(
      selectCompleteFiles(listing, listing, 'in', { temporaryPatterns: [/\.writing$/] }).map((f) => f.name),
    ).toEqual(['x.999']);
  });

  it('with requireDoneMarker lists only files that have a .done marker, and never the markers', () => {
    const listing = [file('a.999', 5), file('a.999.done', 0), file('b.999', 5)];
    expect(
      selectCompleteFiles(listing, listing, 'in', { requireDoneMarker: true }).map((f) => f.name),
    ).toEqual(['a.999']);
  });
});
