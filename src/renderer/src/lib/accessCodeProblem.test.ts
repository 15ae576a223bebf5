import { describe, expect, it } from 'vitest';
import { accessCodeProblem } from './accessCodeProblem';

describe('accessCodeProblem', () => {
  it("recognises the server's refusals (PROTOCOL §15 words), as main reports them", () => {
    expect(
      accessCodeProblem(
        'The server answered: access code required: this library needs a Tidewave client that knows its access code',
      ),
    ).toBe('required');
    expect(accessCodeProblem('Access refused: wrong access code')).toBe('wrong');
  });

  it('leaves every other error alone', () => {
    expect(accessCodeProblem(null)).toBeNull();
    expect(accessCodeProblem('connect ECONNREFUSED 127.0.0.1:8080')).toBeNull();
    expect(
      accessCodeProblem('Access refused: the server sent more than the handshake asked for'),
    ).toBeNull();
  });
});
