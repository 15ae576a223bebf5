import { describe, expect, it } from 'vitest';
import type { Library } from '../library';
import { formatServerBanner } from './serverBanner';

const library: Library = {
  folder: '/srv/music',
  warnings: [],
  songs: [
    {
      id: 0,
      relativePath: 'a.mp3',
      absolutePath: '/srv/music/a.mp3',
      format: 'mp3',
      sizeBytes: 1,
      title: 'First',
      artist: 'Someone',
      album: null,
      durationSeconds: 125.4,
      hasCover: false,
      bitrate: null,
    },
    {
      id: 1,
      relativePath: 'b.mp3',
      absolutePath: '/srv/music/b.mp3',
      format: 'mp3',
      sizeBytes: 1,
      title: 'b',
      artist: null,
      album: null,
      durationSeconds: null,
      hasCover: false,
      bitrate: null,
    },
  ],
};

describe('formatServerBanner', () => {
  it('names the folder, the address and every song', () => {
    expect(formatServerBanner(library, '127.0.0.1', 8080)).toEqual([
      'Serving 2 songs from /srv/music on 127.0.0.1:8080',
      '    0  First - Someone (2:05)',
      '    1  b (?:??)',
      'Only this machine can connect; use --host 0.0.0.0 to share on your network.',
      'Press Ctrl-C to stop.',
    ]);
  });

  it('warns that every interface means anyone on the network', () => {
    const lines = formatServerBanner(library, '0.0.0.0', 8080);
    expect(lines[0]).toBe('Serving 2 songs from /srv/music on 0.0.0.0:8080');
    expect(lines.join('\n')).toMatch(/anyone who can reach this machine on port 8080/);
  });

  it('brackets IPv6 addresses', () => {
    expect(formatServerBanner(library, '::1', 9000)[0]).toMatch(/ on \[::1\]:9000$/);
  });
});
