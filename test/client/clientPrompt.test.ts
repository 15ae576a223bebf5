import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { SongListing } from '../../src/client';
import { ClientPrompt } from '../../src/cli/clientInteractive';
import { useTestServers, waitFor } from '../support/serverHarness';

/** Collects what the prompt writes, as text. */
class TextSink extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

describe('the interactive prompt, in-process against a real server', () => {
  const servers = useTestServers();

  async function startPrompt(songs: 'listed' | 'unknown') {
    const running = await servers.start({ pacing: false });
    const session = await servers.session();
    const list: SongListing[] | null = songs === 'listed' ? (await session.list()).songs : null;
    const input = new PassThrough();
    const output = new TextSink();
    const errors = new TextSink();
    const prompt = new ClientPrompt({
      session,
      songs: list,
      player: null,
      input,
      output,
      errors,
      terminal: false,
    });
    return { running, input, output, errors, prompt };
  }

  it('with the list known, refuses an unknown id without asking the server', async () => {
    const { running, input, output, errors, prompt } = await startPrompt('listed');
    input.write('play 7\n');
    await waitFor(() => output.text.includes('Unknown song id'));
    input.end('quit\n');
    expect(await prompt.exitCode).toBe(0);
    expect(output.text).toContain('Unknown song id 7: the server has songs 0-2.\n');
    expect(output.text).not.toContain('Playing 7');
    expect(errors.text).toBe('');
    expect(running.logLines.some((line) => line.includes('play'))).toBe(false);
  });

  it('with the list unknown, says Playing only once the song arrives', async () => {
    const { input, output, errors, prompt } = await startPrompt('unknown');
    input.write('play 7\n');
    await waitFor(() => errors.text.includes('refused'));
    expect(errors.text).toBe('Error: Server refused play 7: unknown song id 7\n');
    expect(output.text).toContain('Requesting song 7...\n');
    expect(output.text).not.toContain('Playing 7');

    input.write('play 1\n');
    await waitFor(() => output.text.includes('(done)'));
    const lines = output.text.split('\n');
    const requested = lines.indexOf('Requesting song 1...');
    expect(requested).toBeGreaterThan(-1);
    expect(lines[requested + 1]).toBe("Playing 1 'song 1'...");
    expect(lines[requested + 2]).toMatch(/^Received [\d.]+ KB of 'song 1' \(done\)\.$/);
    input.end('quit\n');
    expect(await prompt.exitCode).toBe(0);
  });
});
