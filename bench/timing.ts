import { setTimeout as sleepFor } from 'node:timers/promises';

export const sleep = (ms: number): Promise<void> => sleepFor(ms);

export const now = (): number => performance.now();

/** Rejects when `promise` has not settled within `ms`: every wait in the bench is bounded. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
