/**
 * How long a test waits for a command-line program run from source (`node --import tsx`) to say
 * it started: tsx compiles the program's modules first, which takes well over 15 s on a loaded
 * two-core machine (seen: no banner after 15 s at load 18). Waits return as soon as it is out.
 */
export const CLI_START_MS = 60_000;
