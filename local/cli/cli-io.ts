/** Where the CLI writes and reads; injectable so tests run it in-process. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
  readStdin: () => Promise<string>;
  /** Aborted on Ctrl-C: the run stops (during a wait at once) and prints the record so far. */
  signal?: AbortSignal;
  /** Wall-clock milliseconds (how old a remembered config check is). @default Date.now */
  now?: () => number;
}

export const EXIT_SUCCEEDED = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
/** 128 + SIGINT, as shells report a process stopped by Ctrl-C. */
export const EXIT_ABORTED = 130;
