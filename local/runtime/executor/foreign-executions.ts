import { dirname } from 'node:path';
import { z } from 'zod';
import type { ExecutionStore } from '../store/execution-store.js';
import { describeOrg, sameOrg, type OrgBinding } from '../store/org-binding.js';
import type { ExecutionRecord } from '../store/store-types.js';
import type { Executor } from './executor.js';

/** The start is refused: RUNNING executions in the store belong to another org (or an unknown one). */
export class ForeignExecutionsError extends Error {
  override name = 'ForeignExecutionsError';
}

export interface ForeignExecutionOptions {
  /** `--abort-foreign-executions`: end them ABORTED (with a cause saying why) without running them. */
  abort?: boolean;
  /** `--adopt-unknown-executions`: bind those of unknown org (started before orgs were recorded) to this one and run them. */
  adoptUnknown?: boolean;
  log: (line: string) => void;
}

/** The store's note of the org its data folder was last started with. */
const FOLDER_ORG_KEY = 'org';
/** Executions listed in the refusal; the rest are counted. */
const LISTED = 10;

/** What the start will do about executions of another org, once nothing else refuses it (`apply`). */
export interface ForeignExecutionsPlan {
  /** RUNNING executions bound to another org (ended ABORTED by `apply`). */
  foreign: readonly ExecutionRecord[];
  /** Aborts the foreign ones, adopts those of unknown org, notes `org` as the data folder's. */
  apply(): { aborted: number; adopted: number };
}

/**
 * Before anything runs or the org is called: an execution runs only against the org it was started
 * for. RUNNING executions bound to another org, or to none recorded, refuse the start (listed, with
 * the ways out), unless the options say to abort them or to adopt the unknown ones. Nothing is
 * written until `apply`, so a start refused later (a config the org does not fit) changes nothing.
 * @throws ForeignExecutionsError
 */
export function planForeignExecutions(store: ExecutionStore, executor: Pick<Executor, 'stop'>, org: OrgBinding, options: ForeignExecutionOptions): ForeignExecutionsPlan {
  const running = store.runningExecutions();
  const foreign = running.filter((record) => !sameOrg(record.org, org) && !(options.adoptUnknown && record.org === undefined));
  if (foreign.length > 0 && !options.abort) throw new ForeignExecutionsError(refusal(store.file, org, foreign));
  return {
    foreign,
    apply: () => {
      const adopted = options.adoptUnknown ? store.bindUnknownOrg(org) : 0;
      if (adopted > 0) options.log(`${adopted} running execution(s) of unknown org adopted by ${describeOrg(org)} (--adopt-unknown-executions)`);
      for (const record of foreign) {
        executor.stop(record, 'Runtime.ForeignOrg', `Not run: it was started for ${describeOrg(record.org)}, and the runtime was started for ${describeOrg(org)} with --abort-foreign-executions.`);
      }
      if (foreign.length > 0) options.log(`${foreign.length} running execution(s) of another org ended ABORTED without running (--abort-foreign-executions)`);
      noteFolderOrg(store, org, options.log);
      return { aborted: foreign.length, adopted };
    },
  };
}

function refusal(file: string, org: OrgBinding, foreign: ExecutionRecord[]): string {
  const rows = foreign.slice(0, LISTED).map((record) => `  ${workflowOf(record)}  ${record.name}  ${record.status}  ${describeOrg(record.org)}`);
  if (foreign.length > LISTED) rows.push(`  ... and ${foreign.length - LISTED} more`);
  const unknown = foreign.some((record) => record.org === undefined);
  return [
    `${file} holds ${foreign.length} running execution(s) started for another org than this start's (${describeOrg(org)}); an execution never runs against another org:`,
    ...rows,
    'Either:',
    '  - start with the org they were started for (no --api-url for the embedded simulator, else its --api-url and --org-id) and stop them there (jml stop <name>), or let them finish;',
    '  - give this org its own data folder: --data <another folder>;',
    '  - or start with --abort-foreign-executions: they end ABORTED, without running.',
    ...(unknown ? ['  Those of an unknown org were started before the runtime recorded orgs: if they were started for this org, --adopt-unknown-executions runs them here.'] : []),
  ].join('\n');
}

function workflowOf(record: ExecutionRecord): string {
  return record.stateMachineArn.slice(record.stateMachineArn.lastIndexOf(':') + 1);
}

const FolderOrg = z.object({ orgId: z.string(), apiBase: z.string() });

/** Keeps which org the data folder was last started with; a change is logged. */
function noteFolderOrg(store: ExecutionStore, org: OrgBinding, log: (line: string) => void): void {
  const text = JSON.stringify(org);
  const before = store.getMeta(FOLDER_ORG_KEY);
  if (before === text) return;
  if (before !== undefined) {
    const previous = FolderOrg.safeParse(parseJson(before));
    log(`data folder ${dirname(store.file)}: last started with ${describeOrg(previous.success ? previous.data : undefined)}, now with ${describeOrg(org)} (each execution stays bound to the org it was started for)`);
  }
  store.setMeta(FOLDER_ORG_KEY, text);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
