import type { ModelError } from '../../../../local/simulator/model/model-error.js';

/** What a model rule did: 'ok', or the kind of the ModelError it threw. */
export function kindOf(run: () => unknown): string {
  try {
    run();
    return 'ok';
  } catch (error) {
    return (error as ModelError).kind;
  }
}
