import { describe, expect, it } from 'vitest';
import { cliCpuSeconds } from '../../bench/cliDecodeCpu';

describe('cliCpuSeconds', () => {
  it("counts a child's CPU time, not its waiting", async () => {
    const busy = await cliCpuSeconds([
      'bash',
      '-c',
      'i=0; while [ $i -lt 50000 ]; do i=$((i+1)); done',
    ]);
    const idle = await cliCpuSeconds(['sleep', '0.3']);
    expect(busy).toBeGreaterThan(0.05);
    expect(idle).toBeLessThan(0.05);
  });

  it('fails loudly when the decoder fails, instead of timing an error message', async () => {
    await expect(cliCpuSeconds(['flac', '-d', '-c', '/nonexistent/song.flac'])).rejects.toThrow();
  });
});
