/**
 * The API server: configuration -> database (embedded or DATABASE_URL) -> migrations under the advisory lock
 * -> the Nest app -> listen. SIGTERM/SIGINT close the HTTP server, then the database pool, then the embedded
 * database.
 */
import 'reflect-metadata';
import { createGatewayApp } from './app.module';
import { ConfigError, describeConfig, loadConfig } from './config/config';
import { seedDemoOrganizationOnFirstStart } from './demo-seed';

export async function start(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`x12-gateway: ${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
  const { app, logger } = await createGatewayApp(config);
  const demo = await seedDemoOrganizationOnFirstStart(app, config);
  await app.listen(config.port, config.host);
  logger.info({ config: describeConfig(config), port: config.port }, 'gateway listening');
  if (demo) {
    // Printed once, straight to the terminal (not the JSON log): it is a credential.
    process.stdout.write(
      [
        '',
        'First start: created the demo organisation and an admin API key (shown once):',
        `  ${demo.key}`,
        `Saved to ${demo.keyFile} (mode 0600). Try:`,
        `  curl -H "Authorization: Bearer $(cat ${demo.keyFile})" http://localhost:${config.port}/v1/api-keys`,
        '',
      ].join('\n') + '\n',
    );
  }
}

if (require.main === module) {
  start().catch((error: unknown) => {
    process.stderr.write(
      `x12-gateway: failed to start (${error instanceof Error ? error.name : 'error'}: ${
        error instanceof Error ? error.message : String(error)
      })\n`,
    );
    process.exit(1);
  });
}
