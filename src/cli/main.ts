#!/usr/bin/env node
/**
 * x12gw: the gateway's command line. A dispatcher over a command table; each team adds its commands
 * to COMMANDS (x12 tools here; `org create`, `key create` and others from the service team).
 */
import { EXIT_UNUSABLE, findCommand, usageText, type Command, type CommandIo } from './command-table';
import { SERVICE_COMMANDS } from './service-commands';
import { X12_COMMANDS } from './x12-commands';

const COMMANDS: readonly Command[] = [...X12_COMMANDS, ...SERVICE_COMMANDS];

const processIo: CommandIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

export async function runCli(argv: readonly string[], io: CommandIo = processIo): Promise<number> {
  const found = findCommand(COMMANDS, argv);
  if (!found || argv.includes('--help') || argv.includes('-h')) {
    (found ? io.stdout : io.stderr)(found ? `usage: x12gw ${found.command.usage}\n` : usageText(COMMANDS));
    return found ? 0 : EXIT_UNUSABLE;
  }
  return found.command.run(found.args, io);
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`x12gw: ${error instanceof Error ? error.message : 'failed'}\n`);
      process.exitCode = EXIT_UNUSABLE;
    },
  );
}
