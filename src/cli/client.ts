import { CommanderError } from 'commander';
import { AccessRefusedError, ClientSession, ConnectError } from '../client';
import { AccessCodeFileError, readAccessCodeFile } from './accessCodeFile';
import { parseClientArgs, type ClientCliOptions } from './clientArgs';
import { ClientPrompt } from './clientInteractive';
import { formatBytes } from './clientFormat';
import { INTERRUPTED_EXIT_CODE, runList, runPlay, type Messages } from './clientOneShot';
import { terminalText } from './terminalText';

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
  // On a terminal, `play --out` shows how much has arrived on one line, redrawn.
  const progress = process.stderr.isTTY ? new ProgressLine(process.stderr) : null;
  const messages: Messages = {
    info: (line) => {
      progress?.clear();
      (toStderr ? process.stderr : process.stdout).write(`${line}\n`);
    },
    error: (line) => {
      progress?.clear();
      process.stderr.write(`Error: ${line}\n`);
    },
    progress: progress ? (bytes) => progress.show(`Received ${formatBytes(bytes)}`) : undefined,
  };
  let session: ClientSession;
  try {
    const access = options.accessCodeFile ? await readAccessCodeFile(options.accessCodeFile) : null;
    if (access?.warning) process.stderr.write(`Warning: ${access.warning}\n`);
    session = await ClientSession.connect({
      accessCode: access?.code,
      host: options.host,
      port: options.port,
      connectTimeoutMs: options.timeoutMs,
      requestTimeoutMs: options.timeoutMs,
    });
  } catch (error) {
    const known =
      error instanceof ConnectError ||
      error instanceof AccessRefusedError ||
      error instanceof AccessCodeFileError;
    if (!known) throw error;
    messages.error(terminalText(error.message));
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
  // After Ctrl-C, leave at once: a server that streams on may not answer a quit soon.
  if (code === INTERRUPTED_EXIT_CODE) session.close();
  else if (!session.closed) await session.quit();
  return code;
}

main(process.argv.slice(2)).then(
  (code) => exitAfterOutput(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`Error: ${terminalText(message)}\n`);
    exitAfterOutput(1);
  },
);

/** One status line on a terminal, redrawn at most four times a second. */
class ProgressLine {
  private shownAt = 0;
  private visible = false;

  constructor(private readonly terminal: NodeJS.WriteStream) {}

  show(text: string): void {
    if (Date.now() - this.shownAt < 250) return;
    this.shownAt = Date.now();
    this.visible = true;
    this.terminal.write(`\r\x1b[K${text} (Ctrl-C stops)`);
  }

  clear(): void {
    if (this.visible) this.terminal.write('\r\x1b[K');
    this.visible = false;
  }
}

/** Exits once what was written to stdout and stderr has been handed to the OS. */
function exitAfterOutput(code: number): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}
