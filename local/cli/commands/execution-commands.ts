import type { CliIo } from '../cli-io.js';
import { findExecutionCommand, parseExecutionCommandLine, type ExecutionCommandName } from '../execution-options.js';
import { UsageError } from '../read-input.js';
import { CommandFailure, explainCallError, SfnCallError } from '../sfn-errors.js';
import { resolveSfnTarget } from '../sfn-target-options.js';
import { SfnTarget } from '../sfn-target.js';
import { CommandOutput } from '../format/command-output.js';
import { usageText } from '../usage.js';
import type { ExecutionCommand } from './command-context.js';
import { startCommand } from './start-command.js';
import { executionsCommand } from './executions-command.js';
import { describeCommand } from './describe-command.js';
import { historyCommand } from './history-command.js';
import { stopCommand } from './stop-command.js';

/** The handlers by command name (a Map: the name is the user's first word). */
const COMMANDS: ReadonlyMap<ExecutionCommandName, ExecutionCommand> = new Map<ExecutionCommandName, ExecutionCommand>([
  ['start', startCommand],
  ['executions', executionsCommand],
  ['describe', describeCommand],
  ['history', historyCommand],
  ['stop', stopCommand],
]);

export { findExecutionCommand };

/**
 * Runs one manual-execution command against the local runtime or AWS Step Functions and returns
 * the exit code: 0 done, 1 the call failed (or describe/history: the execution did not succeed),
 * 2 bad usage or input (nothing was called).
 */
export async function runExecutionCommand(command: ExecutionCommandName, argv: string[], io: CliIo): Promise<number> {
  let target: SfnTarget | undefined;
  try {
    const { values, operands } = parseExecutionCommandLine(command, argv);
    if (values.help) {
      io.stdout.write(await usageText());
      return 0;
    }
    target = new SfnTarget(resolveSfnTarget(values, io.env));
    const run = COMMANDS.get(command);
    if (!run) throw new UsageError(`unknown command ${JSON.stringify(command)}`);
    return await run({ values, operands, io, target, out: new CommandOutput(io, values.json === true) });
  } catch (error) {
    if (error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      const details = (error as UsageError).details?.map((detail) => `  - ${detail}\n`).join('') ?? '';
      io.stderr.write(`jml ${command}: ${(error as Error).message}\n${details}Run with --help for usage.\n`);
      return 2;
    }
    const message =
      error instanceof SfnCallError && target ? explainCallError(error, target.spec)
      : error instanceof CommandFailure ? error.message
      : `${command} failed: ${(error as Error).message}`;
    io.stderr.write(`jml ${command}: ${message}\n`);
    return 1;
  } finally {
    target?.client.destroy(); // close kept-alive sockets so the process ends at once
  }
}
