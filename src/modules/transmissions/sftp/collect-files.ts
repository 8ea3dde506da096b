// Collection side: which remote files are complete, download with a size limit, and remove or archive a
// file only after the caller has committed its bytes.
//
// The listing layer cannot see content: a file whose writer crashed mid-way has a stable size and a normal
// name. The content check (an IEA segment at the end, see ../inbound-completeness.ts) runs after download;
// a file that fails it is left on the server (or quarantined) and never processed as complete.
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { RemoteDirectoryEntry, SftpConnection } from './sftp-connection';
import { SftpError } from './sftp-errors';

/** Names partners and SFTP tools use while a file is still being written. */
export const DEFAULT_TEMPORARY_PATTERNS: readonly RegExp[] = [
  /^\./, // .name.part, .name.tmp, and other hidden files
  /\.(part|partial|filepart|tmp|temp|crdownload|inprogress|uploading)$/i,
  /^~/,
];

export interface ListCompleteFilesOptions {
  /** Names to skip; default DEFAULT_TEMPORARY_PATTERNS. */
  temporaryPatterns?: readonly RegExp[];
  /** Time between the two listings; a file is complete only if its size and mtime did not change. Default 2 s. */
  stableForMs?: number;
  /** Partner writes `<name>.done` when a file is complete: list only files that have one (markers are not listed). */
  requireDoneMarker?: boolean;
  /** Injected for tests. */
  sleep?: (ms: number) => Promise<void>;
}

export interface CompleteRemoteFile {
  name: string;
  path: string;
  size: number;
  modifyTimeMs: number;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Pure: the files of two listings taken stableForMs apart that look complete. */
export function selectCompleteFiles(
  first: readonly RemoteDirectoryEntry[],
  second: readonly RemoteDirectoryEntry[],
  remoteDir: string,
  options: Pick<ListCompleteFilesOptions, 'temporaryPatterns' | 'requireDoneMarker'> = {},
): CompleteRemoteFile[] {
  const patterns = options.temporaryPatterns ?? DEFAULT_TEMPORARY_PATTERNS;
  const before = new Map(first.map((entry) => [entry.name, entry]));
  const names = new Set(second.map((entry) => entry.name));
  const complete: CompleteRemoteFile[] = [];
  for (const entry of second) {
    if (entry.type !== '-') continue;
    if (patterns.some((pattern) => pattern.test(entry.name))) continue;
    if (options.requireDoneMarker) {
      if (entry.name.endsWith('.done')) continue;
      if (!names.has(`${entry.name}.done`)) continue;
    }
    const earlier = before.get(entry.name);
    if (earlier === undefined) continue; // appeared between the listings: next time
    if (earlier.size !== entry.size || earlier.modifyTimeMs !== entry.modifyTimeMs) continue; // still growing
    complete.push({
      name: entry.name,
      path: posix.join(remoteDir, entry.name),
      size: entry.size,
      modifyTimeMs: entry.modifyTimeMs,
    });
  }
  return complete.sort((a, b) => a.name.localeCompare(b.name));
}

/** Lists the directory twice, stableForMs apart, and returns the files that look complete. */
export async function listCompleteFiles(
  connection: SftpConnection,
  remoteDir: string,
  options: ListCompleteFilesOptions = {},
): Promise<CompleteRemoteFile[]> {
  const sleep = options.sleep ?? defaultSleep;
  const first = await connection.list(remoteDir);
  await sleep(options.stableForMs ?? 2_000);
  const second = await connection.list(remoteDir);
  return selectCompleteFiles(first, second, remoteDir, options);
}

export interface DownloadedFile {
  bytes: Buffer;
  sha256: string;
  size: number;
}

/** Downloads a whole file (FILE_TOO_LARGE beyond maxBytes, checked before and during the transfer). */
export async function downloadFile(
  connection: SftpConnection,
  remotePath: string,
  maxBytes: number,
): Promise<DownloadedFile> {
  const stat = await connection.stat(remotePath);
  if (stat === undefined) {
    throw new SftpError('NOT_FOUND', 'no such file', { operation: 'get', remotePath });
  }
  if (stat.size > maxBytes) {
    throw new SftpError('FILE_TOO_LARGE', `${stat.size} bytes exceeds the limit of ${maxBytes}`, {
      operation: 'get',
      remotePath,
    });
  }
  const bytes = await connection.get(remotePath, maxBytes);
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
}

/** Deletes a collected file (call only after its bytes are committed). A file already gone is fine. */
export async function removeRemoteFile(connection: SftpConnection, remotePath: string): Promise<void> {
  await connection.delete(remotePath, true);
}

/**
 * Moves a collected file into archiveDir (call only after its bytes are committed). Rename never overwrites,
 * so when the partner reused a name already archived, the archive copy gets a `.<suffix>` (default: the time).
 * Returns the archive path.
 */
export async function moveRemoteFile(
  connection: SftpConnection,
  remotePath: string,
  archiveDir: string,
  uniqueSuffix: () => string = () => String(Date.now()),
): Promise<string> {
  const target = posix.join(archiveDir, posix.basename(remotePath));
  const taken = await connection.stat(target);
  const destination = taken === undefined ? target : `${target}.${uniqueSuffix()}`;
  await connection.rename(remotePath, destination);
  return destination;
}
