import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanLibrary, type Library } from '../library';
import { encodeSineMp3, makeTempDir, removeDir, withId3Tag } from '../../test/support/mp3Fixtures';
import { formatServerBanner } from './serverBanner';

const library: Library = {
  folder: '/srv/music',
  warnings: [],
  songs: [
    {
      id: 0,
      relativePath: 'a.mp3',
      absolutePath: '/srv/music/a.mp3',
      realPath: '/srv/music/a.mp3',
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
      realPath: '/srv/music/b.mp3',
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

  it('says who can connect when an access code guards every interface', () => {
    const text = formatServerBanner(library, '0.0.0.0', 8080, true).join('\n');
    expect(text).toContain('only Tidewave players that know the\naccess code');
    expect(text).toContain('seed-era clients cannot');
    expect(text).not.toContain('anyone who can reach');
  });

  it('brackets IPv6 addresses', () => {
    expect(formatServerBanner(library, '::1', 9000)[0]).toMatch(/ on \[::1\]:9000$/);
  });
});

describe('the banner of a folder with crafted tags', () => {
  it('prints the tags without the escape sequences in them', async () => {
    const dir = await makeTempDir();
    try {
      const osc52 = '\u001b]52;c;ZWNobyBoaQ==\u0007';
      const mp3 = withId3Tag(encodeSineMp3({ seconds: 0.2 }), {
        title: `Title${osc52}\u001b]0;pwned\u0007`,
        artist: 'Artist\u009b2J\nnext line',
      });
      await writeFile(path.join(dir, 'crafted.mp3'), mp3);
      const lines = formatServerBanner(await scanLibrary(dir), '127.0.0.1', 8080);
      // eslint-disable-next-line no-control-regex -- control characters are what this is about
      expect(lines.join('\n')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      expect(lines).toHaveLength(4); // one line for the song, however many line breaks its tags hold
      expect(lines[1]).toBe(
        '    0  Title\ufffd]52;c;ZWNobyBoaQ==\ufffd\ufffd]0;pwned\ufffd - Artist\ufffd2J next line (0:00)',
      );
    } finally {
      await removeDir(dir);
    }
  });
});
