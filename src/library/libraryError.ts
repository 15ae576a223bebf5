export type LibraryErrorCode = 'ENOENT' | 'ENOTDIR' | 'EACCES' | 'EMPTY';

/** A music folder that cannot be used, with a message fit to show a user. */
export class LibraryError extends Error {
  readonly code: LibraryErrorCode;
  readonly folder: string;

  constructor(code: LibraryErrorCode, folder: string) {
    super(messageFor(code, folder));
    this.name = 'LibraryError';
    this.code = code;
    this.folder = folder;
  }
}

function messageFor(code: LibraryErrorCode, folder: string): string {
  switch (code) {
    case 'ENOENT':
      return `Music folder not found: ${folder}`;
    case 'ENOTDIR':
      return `Not a folder: ${folder}`;
    case 'EACCES':
      return `Permission denied reading music folder: ${folder}`;
    case 'EMPTY':
      return `No songs (MP3, FLAC, Ogg Vorbis, Opus or WAV files) in folder: ${folder}`;
  }
}

/** Turns a file-system error about the library folder itself into a LibraryError, if it is one we know. */
export function toLibraryError(error: unknown, folder: string): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EACCES') {
    return new LibraryError(code, folder);
  }
  if (code === 'EPERM') return new LibraryError('EACCES', folder);
  return error;
}
