import { readFile, stat } from 'node:fs/promises';
import { normalizeAccessCode } from '../protocol';

/** Why an access code file could not be used, in words for the terminal. */
export class AccessCodeFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AccessCodeFileError';
  }
}

export interface AccessCodeFile {
  code: string;
  /** Set when others than the owner may read the file. */
  warning: string | null;
}

/**
 * Reads the access code from a file (`--access-code-file`): on the command line it would show
 * in `ps` and in shell history. Surrounding white space, the final newline included, is dropped.
 */
export async function readAccessCodeFile(path: string): Promise<AccessCodeFile> {
  let text: string;
  let mode: number;
  try {
    text = await readFile(path, 'utf8');
    mode = (await stat(path)).mode;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new AccessCodeFileError(`cannot read the access code file ${path} (${code})`);
  }
  let code: string;
  try {
    code = normalizeAccessCode(text);
  } catch (error) {
    throw new AccessCodeFileError(`${path}: ${(error as Error).message}`);
  }
  const warning =
    process.platform !== 'win32' && (mode & 0o077) !== 0
      ? `the access code file ${path} can be read by other users (chmod 600 it)`
      : null;
  return { code, warning };
}
