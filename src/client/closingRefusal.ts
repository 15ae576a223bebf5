/**
 * The sentence for a server `error` after which the server closes the connection (PROTOCOL §1,
 * §10, §14): over a connection cap, a PROXY header where none belongs, a request not sent in
 * time. Null for any other error: a refused play or cover leaves the connection open.
 */
export function closingRefusal(message: string): string | null {
  const refused = /^connection refused: (.+)$/su.exec(message);
  if (refused) return `The server refused the connection: ${refused[1]}`;
  if (/^(server busy\b|too many connections from your address\b)/u.test(message)) {
    return `The server refused the connection: ${message}`;
  }
  if (/^timed out: /u.test(message)) return `The server closed the connection: ${message}`;
  return null;
}
