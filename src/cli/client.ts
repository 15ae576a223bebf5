import { CommanderError } from 'commander';
import { ClientSession, ConnectError } from '../client';
import { parseClientArgs, type ClientCliOptions } from './clientArgs';
import { ClientPrompt } from './clientInteractive';
import { runList, runPlay, type Messages } from './clientOneShot';

/** tidewave-client <host> <port> [list | play ID] — see `--help`. */
async function main(argv: string[]): Promise<number> {
  let options: ClientCliOptions;
  try {
    options = parseClientArgs(argv);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode; // commander printed why
    throw error;
  }
  // With `--out -` the song owns standard output, so every message goes to standard error.
  const toStderr = options.out === '-';
  const messages: Messages = {
    info: (line) => (toStderr ? process.stderr : process.stdout).write(`${line}\n`),
    error: (line) => process.stderr.write(`Error: ${line}\n`),
  };
  let session: ClientSession;
  try {
    session = await ClientSession.connect({
      host: options.host,
      port: options.port,
      connectTimeoutMs: options.timeoutMs,
      requestTimeoutMs: options.timeoutMs,
    });
  } catch (error) {
    if (!(error instanceof ConnectError)) throw error;
    messages.error(error.message);
    return 1;
  }
  const interrupted = new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));

  if (options.command === null) {
    const songs = await session.list().then(
      (list) => list.songs,
      () => null, // the prompt still works; `list` will say what is wrong
    );
    const prompt = new ClientPrompt({
      session,
      songs,
      player: options.player,
      input: process.stdin,
      output: process.stdout,
      errors: process.stderr,
      terminal: process.stdin.isTTY === true && process.stdout.isTTY === true,
    });
    void interrupted.then(() => prompt.interrupt());
    return prompt.exitCode;
  }

  const code =
    options.command.kind === 'list'
      ? await runList(session, options, messages)
      : await runPlay(session, { ...options, command: options.command }, messages, interrupted);
  if (!session.closed) await session.quit();
  return code;
}

main(process.argv.slice(2)).then(
  (code) => exitAfterOutput(code),
  (error: unknown) => {
    process.stderr.write(`Error: ${error instanceof Error ? error.message : String(error)}\n`);
    exitAfterOutput(1);
  },
);

/** Exits once what was written to stdout and stderr has been handed to the OS. */
function exitAfterOutput(code: number): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}
