// A separate gateway process for crash tests: boots the real app from its environment (DATABASE_URL,
// SECRETS_KEY, DELIVERY_* ...), runs one DeliveryService.deliverDue() and prints its summary as the last
// stdout line. The parent test may SIGKILL it at any moment.
import { createGatewayApp } from '../../src/app.module';
import { loadConfig } from '../../src/config/config';
import { DeliveryService } from '../../src/modules/transmissions/delivery/delivery.service';

async function main(): Promise<void> {
  const { app } = await createGatewayApp(loadConfig(), { logDestination: { write: () => undefined } });
  try {
    process.stdout.write('ready\n');
    const summary = await app.get(DeliveryService).deliverDue();
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stdout.write(`failed ${(error as { code?: string }).code ?? (error as Error).name}\n`);
  process.exitCode = 1;
});
