/** A line typed at the interactive prompt, understood. */
export type PromptCommand =
  | { kind: 'list' }
  | { kind: 'play'; songId: number; startSeconds: number }
  | { kind: 'stop' }
  | { kind: 'quit' }
  | { kind: 'help' }
  | { kind: 'empty' }
  | { kind: 'invalid'; message: string };

export const PROMPT_HELP = [
  'Commands:',
  '  list, l                 show the songs',
  '  play N [SECONDS], p N   play song N, optionally from SECONDS in (e.g. play 2 42.5)',
  '  stop, s                 stop the song',
  '  quit, q, exit           leave (Ctrl-C and Ctrl-D too)',
  '  help, ?                 show this help',
];

const HINT = 'Type help for the commands.';

export function parsePromptCommand(line: string): PromptCommand {
  const [word, ...args] = line.trim().split(/\s+/);
  switch (word.toLowerCase()) {
    case '':
      return { kind: 'empty' };
    case 'list':
    case 'l':
      return { kind: 'list' };
    case 'stop':
    case 's':
      return { kind: 'stop' };
    case 'quit':
    case 'q':
    case 'exit':
      return { kind: 'quit' };
    case 'help':
    case '?':
      return { kind: 'help' };
    case 'play':
    case 'p':
      return parsePlay(args);
    default:
      return { kind: 'invalid', message: `Unknown command '${word}'. ${HINT}` };
  }
}

function parsePlay(args: string[]): PromptCommand {
  const [id, start, extra] = args;
  if (id === undefined || !/^\d{1,9}$/.test(id) || extra !== undefined) {
    return { kind: 'invalid', message: `Use play N or play N SECONDS, e.g. play 2. ${HINT}` };
  }
  if (start !== undefined && !/^\d+(\.\d+)?$/.test(start)) {
    return { kind: 'invalid', message: `The start position is in seconds, e.g. play ${id} 42.5.` };
  }
  return {
    kind: 'play',
    songId: Number(id),
    startSeconds: start === undefined ? 0 : Number(start),
  };
}
