import { describe, expect, it } from 'vitest';
import { statesEntered } from '../../local/engine/trace.js';
import { bambooHrEventBody, bambooHrFieldsBody, hiBobEventBody, signDelivery } from '../../local/hr-simulator/index.js';
import { useHrWebhookStack } from './support/hr-webhook-stack.js';

/**
 * End to end, locally: a signed HR webhook over HTTP -> receiver -> hr-event execution (HR API
 * called back) -> the mapped joiner / mover / leaver against the Atlassian simulator.
 */

const DAY = 86_400_000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

describe('HR webhooks end to end (local)', () => {
  const stack = useHrWebhookStack();
  const groupsOf = (email: string) => {
    const sim = stack.atlassian();
    const user = sim.state.findUserByEmail(email);
    if (!user) return undefined;
    return [...sim.state.groupsOf(user.accountId)].map((id) => sim.state.getGroup(id)?.name ?? id).sort();
  };
  const membership = (email: string) => stack.atlassian().state.findUserByEmail(email)?.membershipStatus;

  it('a signed HiBob employee.left ends with that person suspended, and removed after the grace period', async () => {
    // Prepare: HR records Alan's leave (last day yesterday); Bob then sends employee.left.
    const alan = stack.hr().company.terminate('alan.turing@acme.example', isoDay(-1));
    const delivery = signDelivery('hibob', hiBobEventBody(alan, 'employee.left', new Date()));

    // Act
    const response = await stack.deliver(delivery);
    await stack.quiet();

    // Assess: accepted at once; the hr-event resolved Alan through the People API and started one leaver.
    expect(response).toMatchObject({ status: 202, body: { status: 'accepted' } });
    const [hrEvent] = stack.runsOf('hr-event');
    expect(hrEvent.result?.status).toBe('SUCCEEDED');
    expect(statesEntered(hrEvent.result!.trace)).toEqual(['ProcessNotices', 'ResolveHrEvent', 'IsMapped', 'StartMappedWorkflow', 'VerifyNotices', 'Done']);
    expect(stack.hr().calls.hibob).toBe(1);
    const [leaver] = stack.runsOf('leaver');
    expect(leaver.name).toBe(`leaver-hibob-${alan.hibobId}-${isoDay(-1)}`);
    expect(leaver.waitingAt?.state).toBe('WaitGracePeriod');
    expect(membership('alan.turing@acme.example')).toBe('suspended');
    expect(groupsOf('alan.turing@acme.example')).toEqual([]);

    // Act: 30 days later.
    stack.advance(31 * DAY);
    await stack.quiet();

    // Assess
    expect(leaver.result?.status).toBe('SUCCEEDED');
    expect(membership('alan.turing@acme.example')).toBe('no_membership');
  });

  it('a signed BambooHR termination (an update of status and termination date) ends with that person suspended', async () => {
    // Prepare
    const dennis = stack.hr().company.terminate('dennis.ritchie@acme.example', isoDay(-1));
    const delivery = signDelivery('bamboohr', bambooHrEventBody(dennis, 'employee.updated', ['status', 'terminationDate'], new Date()));

    // Act
    const response = await stack.deliver(delivery);
    await stack.quiet();

    // Assess
    expect(response.status).toBe(202);
    expect(stack.hr().calls.bamboohr).toBe(1);
    expect(stack.runsOf('leaver').map((run) => run.name)).toEqual([`leaver-bamboohr-${dennis.bambooId}-${isoDay(-1)}`]);
    expect(membership('dennis.ritchie@acme.example')).toBe('suspended');
    expect(membership('alan.turing@acme.example')).toBe('active');
  });

  it('a hire creates the account at the start date with the groups the rules give', async () => {
    // Prepare: Nina starts in 14 days and has no Atlassian account yet.
    const nina = stack.hr().company.get('nina.newhire@acme.example');
    const delivery = signDelivery('hibob', hiBobEventBody(nina, 'employee.created', new Date()));

    // Act
    await stack.deliver(delivery);
    await stack.quiet();

    // Assess: the joiner waits for the start (08:00 Amsterdam time on the start date); nothing exists yet.
    const [joiner] = stack.runsOf('joiner');
    expect(joiner.name).toBe(`joiner-hibob-${nina.hibobId}-${nina.hireDate}`);
    expect(joiner.waitingAt).toMatchObject({ state: 'WaitUntilStart' });
    expect(joiner.waitingAt!.until.slice(0, 10)).toBe(nina.hireDate);
    expect(membership('nina.newhire@acme.example')).toBeUndefined();

    // Act: the start date comes.
    stack.advance(15 * DAY);
    await stack.quiet();

    // Assess: Engineering gets the wiki, engineering and Jira groups.
    expect(joiner.result?.status).toBe('SUCCEEDED');
    expect(groupsOf('nina.newhire@acme.example')).toEqual(['confluence-users', 'engineering', 'jira-software-users']);
  });

  it('a department change moves the groups (BambooHR field-based delivery, values in the payload)', async () => {
    // Prepare: Sam moves from Sales to Support.
    const sam = stack.hr().company.update('sam.seller@acme.example', { department: 'Support' });
    const body = bambooHrFieldsBody([{ employee: sam, action: 'Updated', changedFields: ['Department'], fields: { 'Work Email': sam.workEmail, Department: 'Support', 'Job Title': sam.jobTitle, Location: sam.location } }], new Date());
    expect(groupsOf('sam.seller@acme.example')).toEqual(['confluence-users', 'sales']);

    // Act
    await stack.deliver(signDelivery('bamboohr', body));
    await stack.quiet();

    // Assess: no call back (the values came with the delivery); Sales out, Support in.
    expect(stack.hr().calls.bamboohr).toBe(0);
    expect(stack.runsOf('mover').map((run) => run.result?.status)).toEqual(['SUCCEEDED']);
    expect(groupsOf('sam.seller@acme.example')).toEqual(['confluence-users', 'jira-software-users', 'support']);
  });

  it('with the HR API failing for a while the event still completes once it recovers: nothing is lost', async () => {
    // Prepare: the next 4 People API calls answer 503.
    const linus = stack.hr().company.terminate('barbara.liskov@acme.example', isoDay(-1));
    stack.hr().faults.failNext(4, { vendor: 'hibob' });

    // Act
    const response = await stack.deliver(signDelivery('hibob', hiBobEventBody(linus, 'employee.left', new Date())));
    await stack.quiet();

    // Assess: acknowledged at once; the resolve step retried through the outage, visible in the history.
    expect(response.status).toBe(202);
    const [hrEvent] = stack.runsOf('hr-event');
    const retries = hrEvent.result!.trace.filter((entry) => entry.kind === 'StateRetried');
    expect(retries.map((entry) => [entry.state, entry.error])).toEqual(Array.from({ length: 4 }, () => ['ResolveHrEvent', 'Hr.Unavailable']));
    expect(stack.hr().calls.hibob).toBe(5);
    expect(hrEvent.result?.status).toBe('SUCCEEDED');
    expect(membership('barbara.liskov@acme.example')).toBe('suspended');
  });

  it('the same leave reported twice (employee.left, then employee.inactivated, then a redelivery) starts one leaver', async () => {
    // Prepare
    const frank = stack.hr().company.terminate('frank.audit@acme.example', isoDay(-1));
    const left = hiBobEventBody(frank, 'employee.left', new Date());

    // Act
    const responses = [];
    for (const body of [left, hiBobEventBody(frank, 'employee.inactivated', new Date(Date.now() + 1000)), left]) {
      responses.push(await stack.deliver(signDelivery('hibob', body)));
      await stack.quiet();
    }

    // Assess: two distinct deliveries (two hr-events), the redelivery a duplicate; one leaver, the second start `already`.
    expect(responses.map((response) => response.status)).toEqual([202, 202, 200]);
    expect(stack.runsOf('hr-event')).toHaveLength(2);
    expect(stack.runsOf('leaver')).toHaveLength(1);
    const second = stack.runsOf('hr-event')[1].result!.output as { notices: Array<{ outcome: string }> };
    expect(second.notices.map((notice) => notice.outcome)).toEqual(['already']);
  });

  it('an HR API down for longer than the retries fails the hr-event with Hr.Unavailable and the record, and starts nothing', async () => {
    // Prepare: more 503s than the resolve step's 1 + 10 retries.
    const fiona = stack.hr().company.terminate('fiona.ledger@acme.example', isoDay(-1));
    stack.hr().faults.failNext(20, { vendor: 'hibob' });

    // Act
    await stack.deliver(signDelivery('hibob', hiBobEventBody(fiona, 'employee.left', new Date())));
    await stack.quiet();

    // Assess: FAILED (what the alarm watches), naming the error; no leaver; Fiona untouched.
    const [hrEvent] = stack.runsOf('hr-event');
    expect(hrEvent.result).toMatchObject({ status: 'FAILED', error: 'Hr.Unavailable' });
    expect(hrEvent.result!.cause).toContain('search for employee');
    expect(stack.hr().calls.hibob).toBe(11);
    expect(stack.runsOf('leaver')).toEqual([]);
    expect(membership('fiona.ledger@acme.example')).toBe('active');
  });
});
