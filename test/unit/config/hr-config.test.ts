import { describe, expect, it } from 'vitest';
import { loadJmlConfigFile, parseJmlConfig } from '../../../functions/lib/config/load-jml-config.js';
import { fieldMapOf, meaningOf } from '../../../functions/lib/hr/vendor-defaults.js';
import { demoCompany } from '../../../local/hr-simulator/index.js';
import { configError } from './config-error.js';

const EXAMPLE = new URL('../../../config/jml.example.yaml', import.meta.url).pathname;
const base = { accessRules: [{ id: 'all', grant: { groups: ['staff'] } }] };

const problems = (hr: unknown): string => configError(() => parseJmlConfig({ ...base, hr }));

describe('hr: config', () => {
  it('the example enables the three sources for the demo company, with Acme’s time zones', () => {
    // Act
    const { hr } = loadJmlConfigFile(EXAMPLE);

    // Assess
    expect(Object.keys(hr!.sources).sort()).toEqual(['bamboohr', 'hibob', 'standard']);
    expect(hr!.workflows).toEqual({ hire: 'joiner', rehire: 'joiner', change: 'mover', termination: 'leaver' });
    const locations = new Set(demoCompany('2026-03-02').map((employee) => employee.location));
    for (const location of ['Sydney', 'Austin']) expect(locations.has(location)).toBe(true);
    expect(hr!.timing).toMatchObject({ timeZone: 'Europe/Amsterdam', locationTimeZones: { Sydney: 'Australia/Sydney', Austin: 'America/Chicago' } });
  });

  it('is optional: without it no source is enabled', () => {
    expect(parseJmlConfig(base).hr).toBeUndefined();
  });

  it('fills vendor defaults and lets entries override them one by one', () => {
    // Act
    const { hr } = parseJmlConfig({ ...base, hr: { sources: { hibob: { fields: { department: 'work.division' }, events: { 'employee.joined': 'ignore' } } } } });

    // Assess
    expect(fieldMapOf('hibob', hr!)).toMatchObject({ email: 'root.email', department: 'work.division', jobTitle: 'work.title' });
    expect(meaningOf('hibob', 'employee.joined', hr!)).toBe('ignore');
    expect(meaningOf('hibob', 'employee.left', hr!)).toBe('termination');
    expect(meaningOf('hibob', 'something.else', hr!)).toBe('ignore');
  });

  it.each([
    [{ sources: { workday: {} } }, 'hr.sources.workday: unknown key (check the spelling); hr.sources takes bamboohr, hibob, standard'],
    [{ sources: { bamboohr: {} } }, 'hr.sources.bamboohr.companyDomain: expected your BambooHR company domain'],
    [{ sources: { bamboohr: { companyDomain: 'https://acme.bamboohr.com' } } }, 'hr.sources.bamboohr.companyDomain: expected the company domain only'],
    [{ sources: { hibob: { events: { 'employee.left': 'fire' } } } }, 'hr.sources.hibob.events.employee.left: expected one of hire, rehire, change, termination, auto, ignore'],
    [{ timing: { timeZone: 'Mars/Olympus' } }, 'hr.timing.timeZone: expected an IANA time zone'],
    [{ timing: { startTime: '8am' } }, 'hr.timing.startTime: expected a 24-hour time HH:MM'],
    [{ workflows: { hire: 'onboarder' } }, 'hr.workflows.hire: expected joiner, mover, leaver or none'],
  ])('names the wrong entry: %j', (hr, message) => {
    expect(problems(hr)).toContain(message);
  });
});
