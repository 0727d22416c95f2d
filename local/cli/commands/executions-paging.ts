import { ListExecutionsCommand, type ExecutionListItem, type ExecutionStatus } from '@aws-sdk/client-sfn';
import type { SfnTarget, WorkflowMachine } from '../sfn-target.js';
import type { ListingPosition, MachineCursor } from './executions-page-token.js';

/** ListExecutions takes at most this many per call. */
const MAX_PAGE = 1000;

/** One listed execution and the cursor that starts at it (for the next page's token). */
export interface ListedExecution {
  workflow: string;
  machine: string;
  item: ExecutionListItem;
  at: MachineCursor;
}

/** One page of `jml executions`: the newest executions of all the machines after their cursors, and where the next page starts. */
export interface ListingPage {
  executions: ListedExecution[];
  /** Per state machine with executions left; empty when everything was listed. */
  next: ListingPosition;
}

/**
 * The newest `limit` executions (Infinity: all) across the machines, each read from its cursor
 * (no cursor: from its newest). ListExecutions lists newest first per state machine, so reading up
 * to `limit` from each and merging by start date gives the newest overall; each machine then
 * continues at the first of its executions not shown.
 */
export async function readListingPage(
  target: SfnTarget,
  machines: readonly WorkflowMachine[],
  status: ExecutionStatus | undefined,
  limit: number,
  from?: ListingPosition,
): Promise<ListingPage> {
  const reads = await Promise.all(
    machines.map(async (machine) => ({ machine, ...(await readMachine(target, machine, status, from ? from.get(machine.name) : { skip: 0 }, limit)) })),
  );
  const all = reads.flatMap((read) => read.items);
  const shown = all.sort((a, b) => (b.item.startDate?.getTime() ?? 0) - (a.item.startDate?.getTime() ?? 0)).slice(0, limit);
  const next = new Map<string, MachineCursor>();
  for (const read of reads) {
    const count = shown.filter((listed) => listed.machine === read.machine.name).length;
    const cursor = read.items[count]?.at ?? read.after;
    if (cursor) next.set(read.machine.name, cursor);
  }
  return { executions: shown, next };
}

/** Up to `want` executions of one machine from `cursor` (whole pages: maybe more), and the cursor after the last page read. */
async function readMachine(
  target: SfnTarget,
  machine: WorkflowMachine,
  status: ExecutionStatus | undefined,
  cursor: MachineCursor | undefined,
  want: number,
): Promise<{ items: ListedExecution[]; after?: MachineCursor }> {
  if (!cursor) return { items: [] }; // listed to its end on an earlier page
  const items: ListedExecution[] = [];
  let token = cursor.token;
  let skip = cursor.skip;
  do {
    const page = await target.send(
      new ListExecutionsCommand({ stateMachineArn: machine.arn, ...(status ? { statusFilter: status } : {}), maxResults: Math.min(skip + want - items.length, MAX_PAGE), ...(token ? { nextToken: token } : {}) }),
    );
    const pageToken = token;
    (page.executions ?? []).forEach((item, index) => {
      if (index >= skip) items.push({ workflow: machine.workflow, machine: machine.name, item, at: { ...(pageToken ? { token: pageToken } : {}), skip: index } });
    });
    skip = 0;
    token = page.nextToken;
  } while (token && items.length < want);
  return { items, ...(token ? { after: { token, skip: 0 } } : {}) };
}
