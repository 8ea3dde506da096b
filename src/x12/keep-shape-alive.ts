/**
 * Keeps one idle object of each class a read runs through alive for the life of the process.
 *
 * Why: V8 keeps an object shape (its hidden class) only while some object has it, and throws away the
 * optimized code of every function that was compiled for a shape that dies. Between two reads nothing
 * of the first is left, so the first garbage collection after a read would send the scanner, the
 * envelope assembler and the 835 reader back to the interpreter, and every read would start cold:
 * measured on the benchmark's 12 MB 835 after a GC, about 250 ms a read instead of about 205 ms.
 *
 * The idle objects are made at module load from empty input and never used: they hold no file's data.
 */
const idleObjects: object[] = [];

/** Keep `idle` (an object made only for its shape) alive; returns it. */
export function keepShapeAlive<T extends object>(idle: T): T {
  idleObjects.push(idle);
  return idle;
}
