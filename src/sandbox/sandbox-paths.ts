/**
 * Path handling for the sandbox SFTP server: every login sees its own directory as `/`. SFTP paths are
 * normalised here without touching the disk, and a path that climbs above `/` is refused instead of being
 * clamped, so a client bug or probe shows up as PERMISSION_DENIED rather than silently landing elsewhere.
 */
import { join, sep } from 'node:path';

/** The canonical virtual path (`/a/b`) of an SFTP path relative to `/`, or undefined when it escapes. */
export function normaliseVirtualPath(path: string): string | undefined {
  if (path.includes('\0')) return undefined;
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
      continue;
    }
    parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** The on-disk path of a canonical virtual path under `root`. */
export function diskPathOf(root: string, virtualPath: string): string {
  const parts = virtualPath.split('/').filter((part) => part !== '');
  return parts.length === 0 ? root : join(root, ...parts);
}

/** Whether `candidate` (a resolved real path) is `root` or inside it. */
export function isInside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root.endsWith(sep) ? root : root + sep);
}
