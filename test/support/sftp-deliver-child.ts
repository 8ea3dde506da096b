// A stand-in gateway process for crash tests: delivers one file and prints the outcome. The parent test
// kills it with SIGKILL at an arbitrary moment, then delivers again itself and checks the end state.
import { readFileSync } from 'node:fs';
import { deliverFile, withSftpConnection } from '../../src/modules/transmissions/sftp';
import type { DeliverFileRequest, SftpConnectionOptions } from '../../src/modules/transmissions/sftp';

interface ChildInput {
  connection: SftpConnectionOptions;
  request: Omit<DeliverFileRequest, 'bytes'> & { bytesPath: string };
}

async function main(): Promise<void> {
  const input = JSON.parse(process.env.SFTP_CHILD_INPUT ?? '{}') as ChildInput;
  const { bytesPath, ...rest } = input.request;
  const request: DeliverFileRequest = { ...rest, bytes: readFileSync(bytesPath) };
  process.stdout.write('connecting\n');
  const result = await withSftpConnection(input.connection, (connection) => deliverFile(connection, request));
  process.stdout.write(`${result.outcome}\n`);
}

main().catch((error: unknown) => {
  process.stdout.write(`failed ${(error as { code?: string }).code ?? 'unknown'}\n`);
  process.exitCode = 1;
});
