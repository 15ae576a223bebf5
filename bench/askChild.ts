import type { ChildProcess } from 'node:child_process';
import { withTimeout } from './timing';

/**
 * Sends `request` over a child's IPC channel and resolves with the first message `isReply` takes
 * for its answer (by default the next message). Rejects when the child exits first, or after
 * `timeoutMs`.
 */
export async function askChild<Message>(
  child: ChildProcess,
  request: object,
  timeoutMs: number,
  what: string,
  isReply: (message: Message) => boolean = () => true,
): Promise<Message> {
  let stopListening = (): void => {};
  const reply = new Promise<Message>((resolve, reject) => {
    const onMessage = (message: Message) => isReply(message) && resolve(message);
    const onExit = (code: number | null) =>
      reject(new Error(`${what}: the child exited (${code}) before answering`));
    child.on('message', onMessage).once('exit', onExit);
    stopListening = () => child.off('message', onMessage).off('exit', onExit);
  });
  child.send(request);
  try {
    return await withTimeout(reply, timeoutMs, what);
  } finally {
    stopListening();
  }
}
