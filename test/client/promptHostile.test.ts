import { PassThrough, Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { ClientSession } from '../../src/client';
import { ClientPrompt } from '../../src/cli/clientInteractive';
import { waitFor } from '../support/serverHarness';
import { metadataList, startHostileServer, type HostileServer } from './hostileServer';

class TextSink extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

// eslint-disable-next-line no-control-regex -- control characters are what this is about
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('the interactive prompt against a hostile server', () => {
  let server: HostileServer | undefined;
  let session: ClientSession | undefined;
  afterEach(async () => {
    session?.close();
    await server?.close();
    [server, session] = [undefined, undefined];
  });

  it('prints titles and error texts without their escape sequences, one line each', async () => {
    const title = 'a\u001b]52;c;ZWNobyBoaQ==\u0007\nb';
    server = await startHostileServer({
      listReply: metadataList([title, 'second']),
      play: { kind: 'refuse', message: `no\u001b[2J\r\nway ${'z'.repeat(100_000)}` },
      polite: true,
    });
    session = await ClientSession.connect({ host: '127.0.0.1', port: server.port });
    const [input, output, errors] = [new PassThrough(), new TextSink(), new TextSink()];
    const prompt = new ClientPrompt({
      session,
      songs: null,
      player: null,
      input,
      output,
      errors,
      terminal: false,
    });
    input.write('list\nplay 0\n');
    await waitFor(() => errors.text.includes('refused'));
    input.end('quit\n');
    expect(await prompt.exitCode).toBe(0);
    expect(output.text).not.toMatch(CONTROL);
    expect(errors.text).not.toMatch(CONTROL);
    expect(output.text).toContain("Playing 0 'a\ufffd]52;c;ZWNobyBoaQ==\ufffd b'");
    expect(errors.text).toMatch(
      /^Error: Server refused play 0: no\ufffd\[2J {2}way z+… \(\d+ more characters\)\n$/,
    );
    expect(errors.text.length).toBeLessThan(2000);
  });
});
