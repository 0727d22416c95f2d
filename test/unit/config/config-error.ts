import { expect } from 'vitest';

/** The message of the Jml.Configuration error `fn` throws. */
export function configError(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect((error as Error).name).toBe('Jml.Configuration');
    return (error as Error).message;
  }
  throw new Error('expected a Jml.Configuration error');
}
