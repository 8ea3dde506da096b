/**
 * A tiny command table: each command is a path of words (`x12 validate`) and a handler that returns
 * the process exit code. Other teams add commands (`org create`, `key create`) by adding entries.
 */
export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface Command {
  /** Words that select the command, e.g. ['x12', 'validate']. */
  path: readonly string[];
  usage: string;
  summary: string;
  run(args: readonly string[], io: CommandIo): Promise<number>;
}

/** Exit codes shared by all commands. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_UNUSABLE = 2;

export function findCommand(
  commands: readonly Command[],
  argv: readonly string[],
): { command: Command; args: string[] } | undefined {
  let best: Command | undefined;
  for (const command of commands) {
    const matches = command.path.every((word, i) => argv[i] === word);
    if (matches && (!best || command.path.length > best.path.length)) best = command;
  }
  return best ? { command: best, args: argv.slice(best.path.length) } : undefined;
}

export function usageText(commands: readonly Command[]): string {
  const lines = ['Usage: x12gw <command> [options]', '', 'Commands:'];
  for (const command of commands) lines.push(`  ${command.usage.padEnd(44)} ${command.summary}`);
  return `${lines.join('\n')}\n`;
}
