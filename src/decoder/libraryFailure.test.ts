import { describe, expect, it } from 'vitest';
import { afterLibraryFailure, MAX_FAILURES_PER_SONG } from './libraryFailure';

describe('afterLibraryFailure', () => {
  it('resumes a stream of self-standing frames, up to the bound per song', () => {
    expect(afterLibraryFailure({ resumable: true, failuresThisSong: 1 })).toBe('resume');
    expect(afterLibraryFailure({ resumable: true, failuresThisSong: MAX_FAILURES_PER_SONG })).toBe(
      'resume',
    );
    expect(
      afterLibraryFailure({ resumable: true, failuresThisSong: MAX_FAILURES_PER_SONG + 1 }),
    ).toBe('fail');
  });

  it('fails a song whose decoding state was in the failed instance', () => {
    expect(afterLibraryFailure({ resumable: false, failuresThisSong: 1 })).toBe('fail');
  });
});
