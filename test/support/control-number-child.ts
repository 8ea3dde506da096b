// A stand-in gateway process for the control-number concurrency test: opens its own pool on the given
// database, runs `workers` concurrent loops of transactions that allocate ISA13 numbers (every 7th rolls
// back), and prints the committed numbers as JSON.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source';
import { ControlNumberRepository } from '../../src/modules/transmissions/control-numbers/control-number.repository';

class Rollback extends Error {}

async function main(): Promise<void> {
  const { url, workers, perWorker, batch, senderId, processIndex } = JSON.parse(
    process.env.CONTROL_NUMBER_CHILD_INPUT ?? '{}',
  ) as {
    url: string;
    workers: number;
    perWorker: number;
    batch: number;
    senderId: string;
    processIndex: number;
  };
  const dataSource = new DataSource(dataSourceOptions(url, workers, `control-number-child-${processIndex}`));
  await dataSource.initialize();
  const repository = new ControlNumberRepository();
  const pair = { senderQualifier: 'ZZ', senderId, receiverQualifier: 'ZZ', receiverId: 'PAYER' };
  try {
    const results = await Promise.all(
      Array.from({ length: workers }, async (_, worker) => {
        const mine: number[] = [];
        let transaction = 0;
        while (mine.length < perWorker) {
          transaction += 1;
          const fail = (processIndex + worker + transaction) % 7 === 0;
          try {
            mine.push(
              ...(await dataSource.transaction(async (manager) => {
                const numbers = await repository.allocate(manager, pair, 'ISA13', batch, `p${processIndex}`);
                if (fail) throw new Rollback();
                return numbers;
              })),
            );
          } catch (error) {
            if (!(error instanceof Rollback)) throw error;
          }
        }
        return mine;
      }),
    );
    process.stdout.write(JSON.stringify(results.flat()));
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`control-number child failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
