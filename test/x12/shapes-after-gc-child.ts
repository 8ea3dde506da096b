// Run by shapes-after-gc.test.ts under `node --expose-gc --trace-deopt`: reads an 835 until the read
// path is optimized, then runs a full GC between two reads with nothing of the last read left alive, and
// marks that GC in the output so the test can see which optimized code V8 threw away during it.
import { readFileSync } from 'node:fs';
import { visitRemittances835 } from '../../src/x12';

// The control: a counter and items of classes with no idle object kept. V8 must throw the optimized
// code of controlStep away at the GC (their shapes die), which shows this V8 still works the way the
// test assumes.
// (Fields are `declare`d and set in the constructor, so no anonymous field initializer of the
// control's can be mistaken for one of the engine's in V8's trace.)
class ControlItem {
  declare readonly n: number;
  constructor(n: number) {
    this.n = n;
  }
}
class ControlCounter {
  declare count: number;
  declare last: ControlItem | null;
  constructor() {
    this.count = 0;
    this.last = null;
  }
}
function controlStep(counter: ControlCounter, i: number): void {
  counter.count++;
  counter.last = new ControlItem(i);
}
function controlRun(): number {
  const counter = new ControlCounter();
  for (let i = 0; i < 50_000; i++) controlStep(counter, i);
  return counter.count;
}

const bytes = readFileSync(process.argv[2]);
function read(): number {
  const models: unknown[] = [];
  visitRemittances835(bytes, (remittance) => models.push(remittance.value));
  controlRun();
  return models.length;
}

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
// At least 12 reads and 1.5 s, so that V8's background compiler finishes even on a busy machine.
const started = performance.now();
for (let i = 0; i < 12 || performance.now() - started < 1500; i++) read();
process.stdout.write('GC-BEGIN\n');
gc();
process.stdout.write('GC-END\n');
process.stdout.write(`READ ${read()}\n`);
