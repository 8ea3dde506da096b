// A separate gateway process for the collection crash test: boots the real app from its environment
// (DATABASE_URL, SECRETS_KEY), runs one collection pass and prints its totals. With COLLECT_HANG_AT_DELETE
// set, the remote delete never returns and 'at-delete' is printed first, so the parent can SIGKILL this
// process exactly between the commit of a file and its removal from the partner's server.
import { createGatewayApp } from '../../src/app.module';
import { loadConfig } from '../../src/config/config';
import { CollectionService } from '../../src/modules/inbound-files/collection.service';
import { SftpConnection } from '../../src/modules/transmissions/sftp/sftp-connection';

async function main(): Promise<void> {
  if (process.env.COLLECT_HANG_AT_DELETE === '1') {
    SftpConnection.prototype.delete = function hangingDelete(): Promise<void> {
      process.stdout.write('at-delete\n');
      return new Promise<void>(() => undefined);
    };
  }
  const { app } = await createGatewayApp(loadConfig(), { logDestination: { write: () => undefined } });
  try {
    process.stdout.write('ready\n');
    const report = await app.get(CollectionService).collectAll({ stableForMs: 200 });
    process.stdout.write(`${JSON.stringify(report.totals)}\n`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stdout.write(`failed ${(error as { code?: string }).code ?? (error as Error).name}\n`);
  process.exitCode = 1;
});
