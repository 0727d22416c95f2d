import { describe, expect, it } from 'vitest';
import { HrConfigSchema, type HrConfig } from '../../../functions/lib/config/hr-config-schema.js';
import { loadJmlConfigFile } from '../../../functions/lib/config/load-jml-config.js';
import { localDateTimeToUtc } from '../../../functions/lib/hr/effective-time.js';
import { MAX_EXECUTION_NAME_LENGTH, toExecutionName } from '../../../functions/lib/hr/execution-name.js';
import type { HrNotice } from '../../../functions/lib/hr/hr-notice.js';
import type { HrPerson } from '../../../functions/lib/hr/hr-person.js';
import { resolveNotice, type PersonFetcher } from '../../../functions/lib/hr/resolve-notice.js';
import { ADA_FIELDS } from './ada-lovelace.js';

/** From HR event to workflow request: the mapping in the example config, with a person the test decides. */

const HR: HrConfig = loadJmlConfigFile(new URL('../../../config/jml.example.yaml', import.meta.url).pathname).hr!;
const NOW = new Date('2026-03-02T10:00:00Z');

const ADA: HrPerson = {
  employeeId: '102',
  ...ADA_FIELDS,
  active: true,
  hireDate: '2019-02-17',
};

function resolve(notice: HrNotice, person: Partial<HrPerson> = {}, hr: HrConfig = HR, source: 'bamboohr' | 'hibob' | 'standard' = 'bamboohr') {
  const fetched: Array<[string, string]> = [];
  const fetchPerson: PersonFetcher = async (vendor, employeeId) => {
    fetched.push([vendor, employeeId]);
    return { ...ADA, employeeId, ...person };
  };
  return resolveNotice({ source, deliveryId: 'delivery-1', index: 0, notice }, { hr, now: () => NOW, fetchPerson }).then((resolution) => ({ resolution, fetched }));
}

const bambooUpdate = (changedFields?: string[]): HrNotice => ({ format: 'bamboohr.event', type: 'employee.updated', employeeId: '102', ...(changedFields ? { changedFields } : {}) });
const hibob = (type: string): HrNotice => ({ format: 'hibob.v2', type, employeeId: '3332883800000000102' });

describe('HR event -> workflow', () => {
  it('HiBob employee.left: a leaver at 18:00 Amsterdam time on the last day, named by person and day', async () => {
    // Act
    const { resolution, fetched } = await resolve(hibob('employee.left'), { active: false, terminationDate: '2026-03-31' }, HR, 'hibob');

    // Assess
    expect(fetched).toEqual([['hibob', '3332883800000000102']]);
    expect(resolution).toMatchObject({
      mapped: true,
      kind: 'termination',
      workflow: 'leaver',
      executionName: 'leaver-hibob-3332883800000000102-2026-03-31',
      input: { email: 'ada.lovelace@acme.example', effectiveAt: '2026-03-31T16:00:00Z', reason: 'HiBob employee 3332883800000000102: termination (employee.left)' },
    });
  });

  it('BambooHR status update of a terminated employee: a leaver (BambooHR has no termination event)', async () => {
    const { resolution } = await resolve(bambooUpdate(['status', 'terminationDate']), { active: false, terminationDate: '2026-02-27' });
    expect(resolution).toMatchObject({ mapped: true, kind: 'termination', workflow: 'leaver', executionName: 'leaver-bamboohr-102-2026-02-27' });
  });

  it('BambooHR termination date set in advance (still active): a leaver that waits for that day', async () => {
    const { resolution } = await resolve(bambooUpdate(['terminationDate']), { terminationDate: '2026-04-30' });
    expect(resolution).toMatchObject({ kind: 'termination', input: { effectiveAt: '2026-04-30T16:00:00Z' } });
  });

  it('a department change: a mover with the new attributes, one execution per event', async () => {
    // Act
    const { resolution } = await resolve(bambooUpdate(['department']), { department: 'Sales' });

    // Assess
    expect(resolution).toMatchObject({
      mapped: true,
      kind: 'change',
      workflow: 'mover',
      executionName: expect.stringMatching(/^mover-bamboohr-102-[0-9a-f]{16}$/),
      input: { email: 'ada.lovelace@acme.example', department: 'Sales', jobTitle: 'Engineering Manager', location: 'Amsterdam' },
    });
    expect((resolution as { input: object }).input).not.toHaveProperty('effectiveAt');
  });

  it('a hire: a joiner at 08:00 on the start date in the time zone of the person’s location', async () => {
    // Act
    const { resolution } = await resolve({ format: 'bamboohr.event', type: 'employee.created', employeeId: '124' }, { location: 'Sydney', hireDate: '2026-03-16' });

    // Assess: 08:00 in Sydney (UTC+11 in March) is 21:00 UTC the day before.
    expect(resolution).toMatchObject({
      kind: 'hire',
      workflow: 'joiner',
      executionName: 'joiner-bamboohr-124-2026-03-16',
      input: { email: 'ada.lovelace@acme.example', name: 'Ada Lovelace', department: 'Engineering', effectiveAt: '2026-03-15T21:00:00Z' },
    });
  });

  it('a status change of an active employee: a rehire, a joiner named by the day (not by the old hire date)', async () => {
    const { resolution } = await resolve(bambooUpdate(['status']), { active: true });
    expect(resolution).toMatchObject({ kind: 'rehire', workflow: 'joiner', executionName: 'joiner-bamboohr-102-rehire-2026-03-02' });
  });

  it('does nothing for updates it should leave alone, and says why', async () => {
    const cases = await Promise.all([
      resolve(bambooUpdate(['department']), { hireDate: '2026-04-01' }),
      resolve(hibob('employee.updated'), { active: false }, HR, 'hibob'),
      resolve(bambooUpdate(['department']), { active: false }),
      resolve(hibob('employee.deleted'), {}, HR, 'hibob'),
    ]);
    expect(cases.map(({ resolution }) => [resolution.mapped, resolution.detail])).toEqual([
      [false, 'Nothing to do: the employee starts on 2026-04-01; the joiner for that date applies the attributes.'],
      [false, 'Nothing to do: update of a leaving or former employee; HiBob reports the leave itself as employee.left.'],
      [false, 'Nothing to do: update of a leaving or former employee that changed no employment field.'],
      [false, 'Event type employee.deleted is not mapped to an HR event; nothing to do.'],
    ]);
    expect(cases[3].fetched).toEqual([]);
  });

  it('follows the config: event overrides, workflows switched off, field names', async () => {
    // Prepare
    const hr = HrConfigSchema.parse({
      sources: { hibob: { events: { 'table.entry.created': 'termination', 'employee.left': 'ignore' } } },
      workflows: { termination: 'none' },
    });

    // Act
    const left = await resolve(hibob('employee.left'), {}, hr, 'hibob');
    const entry = await resolve(hibob('table.entry.created'), {}, hr, 'hibob');

    // Assess
    expect(left.resolution).toMatchObject({ mapped: false, detail: expect.stringContaining('not mapped') });
    expect(entry.resolution).toMatchObject({ mapped: false, detail: 'termination is switched off (hr.workflows.termination: none); nothing to do.' });
  });

  it('BambooHR field-based: uses the posted values (display names too) and calls back only without a work email', async () => {
    // Prepare
    const withEmail: HrNotice = { format: 'bamboohr.fields', type: 'employee.updated', employeeId: '102', changedFields: ['Job Title'], fields: { 'Work Email': 'Ada.Lovelace@acme.example', 'Job Title': 'CTO', Department: 'Engineering' } };
    const withoutEmail: HrNotice = { ...withEmail, fields: { 'Job Title': 'CTO' } };

    // Act
    const posted = await resolve(withEmail);
    const calledBack = await resolve(withoutEmail);

    // Assess
    expect(posted.fetched).toEqual([]);
    expect(posted.resolution).toMatchObject({ workflow: 'mover', input: { email: 'ada.lovelace@acme.example', jobTitle: 'CTO', department: 'Engineering' } });
    expect(calledBack.fetched).toEqual([['bamboohr', '102']]);
  });

  it('standard events carry everything: no call back, the reference kept for the audit', async () => {
    // Act
    const { resolution, fetched } = await resolve(
      { format: 'standard.v1', event: { type: 'hire', person: { id: 'W-88', workEmail: 'Nina.Newhire@acme.example', name: 'Nina N.', department: 'Engineering' }, effectiveDate: '2026-03-16T09:30:00+01:00', reference: 'WD-1234' } },
      {},
      HR,
      'standard',
    );

    // Assess
    expect(fetched).toEqual([]);
    expect(resolution).toMatchObject({
      workflow: 'joiner',
      executionName: 'joiner-standard-W-88-2026-03-16',
      input: { email: 'nina.newhire@acme.example', name: 'Nina N.', department: 'Engineering', effectiveAt: '2026-03-16T08:30:00Z', reason: 'HR employee W-88: hire (hire); WD-1234' },
    });
  });

  it('refuses to guess: no work email is Hr.UnexpectedResponse, an invalid one Jml.InvalidInput', async () => {
    await expect(resolve(bambooUpdate(['department']), { email: undefined })).rejects.toMatchObject({ name: 'Hr.UnexpectedResponse', message: expect.stringContaining('no work email') });
    await expect(resolve(bambooUpdate(['department']), { email: 'not-an-email' })).rejects.toMatchObject({ name: 'Jml.InvalidInput', message: expect.stringContaining('email') });
  });
});

describe('execution names', () => {
  it('keeps clean names and makes any other name valid, short and collision-free', () => {
    expect(toExecutionName('leaver-hibob-3332883800000000102-2026-03-31')).toBe('leaver-hibob-3332883800000000102-2026-03-31');
    const slashed = toExecutionName('hr-standard-a/b');
    const coloned = toExecutionName('hr-standard-a:b');
    expect(slashed).toMatch(/^hr-standard-a-b-[0-9a-f]{16}$/);
    expect(slashed).not.toBe(coloned);
    const long = toExecutionName(`hr-standard-${'x'.repeat(200)}`);
    expect(long.length).toBeLessThanOrEqual(MAX_EXECUTION_NAME_LENGTH);
    expect(toExecutionName(`hr-standard-${'x'.repeat(200)}`)).toBe(long);
    for (const name of [slashed, long, toExecutionName('a b<c>{d}[e]?f*g"h#i%j\\k^l|m~n`o$p&q,r;s:t/u'), toExecutionName('')]) {
      expect(name).toMatch(/^[A-Za-z0-9_.=+@-]{1,80}$/);
    }
  });
});

describe('effective times', () => {
  it('turns a local day and time into UTC, across daylight saving time', () => {
    expect(localDateTimeToUtc('2026-01-15', '08:00', 'Europe/Amsterdam')).toBe('2026-01-15T07:00:00Z');
    expect(localDateTimeToUtc('2026-07-15', '08:00', 'Europe/Amsterdam')).toBe('2026-07-15T06:00:00Z');
    expect(localDateTimeToUtc('2026-07-15', '18:00', 'America/Chicago')).toBe('2026-07-15T23:00:00Z');
    expect(localDateTimeToUtc('2026-07-15', '08:00', 'UTC')).toBe('2026-07-15T08:00:00Z');
  });
});

describe('HR data named like an Object.prototype member selects no config entry', () => {
  it.each(Object.getOwnPropertyNames(Object.prototype))('a hire at location %s starts at 08:00 in the default time zone; an event type of that name is ignored', async (name) => {
    // Act
    const hire = await resolve({ format: 'bamboohr.event', type: 'employee.created', employeeId: '124' }, { location: name, hireDate: '2026-03-16' });
    const event = await resolve(hibob(name), {}, HR, 'hibob');

    // Assess: 08:00 in Amsterdam (UTC+1 in March) is 07:00 UTC.
    expect(hire.resolution).toMatchObject({ kind: 'hire', input: { location: name, effectiveAt: '2026-03-16T07:00:00Z' } });
    expect(event.resolution).toMatchObject({ mapped: false });
    expect(event.fetched).toEqual([]);
  });
});
