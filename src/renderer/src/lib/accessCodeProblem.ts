/**
 * Reads a connection error for an access code problem (PROTOCOL §15): the server asks for a
 * code we did not prove ('required'), or refused the one we proved ('wrong'). Main's errors
 * carry the server's own words, so this is where they are recognised.
 */
export type AccessCodeProblem = 'required' | 'wrong';

export function accessCodeProblem(error: string | null): AccessCodeProblem | null {
  if (!error) return null;
  if (/wrong access code/i.test(error)) return 'wrong';
  if (/access code required/i.test(error)) return 'required';
  return null;
}
