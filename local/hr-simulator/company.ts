import { DEMO_DOMAIN, DEMO_USER_SPECS } from '../simulator/model/demo-org.js';

/**
 * The HR side of the demo: Acme's employees as an HR system keeps them. The people are the
 * Atlassian simulator's demo org (same work emails @acme.example, departments, titles and
 * locations), plus new hires who have no Atlassian account yet. Each vendor numbers them its own
 * way (BambooHR small integers, HiBob long numeric strings), as the real systems do.
 */
export interface HrEmployee {
  /** BambooHR employee id, e.g. `104`. */
  bambooId: string;
  /** HiBob employee id, e.g. `3332883800000000104`. */
  hibobId: string;
  firstName: string;
  lastName: string;
  workEmail: string;
  department?: string;
  jobTitle: string;
  location: string;
  status: 'Active' | 'Inactive';
  /** `YYYY-MM-DD`. */
  hireDate: string;
  terminationDate?: string;
}

const FIRST_BAMBOO_ID = 101;
const HIBOB_PREFIX = '33328838';

/** A new hire who starts later and has no Atlassian account: for joiner scenarios. */
export const NEW_HIRES = [
  { firstName: 'Nina', lastName: 'Newhire', workEmail: `nina.newhire@${DEMO_DOMAIN}`, department: 'Engineering', jobTitle: 'Software Engineer', location: 'Amsterdam', startsInDays: 14 },
  { firstName: 'Paul', lastName: 'Pending', workEmail: `paul.pending@${DEMO_DOMAIN}`, department: 'Support', jobTitle: 'Support Engineer', location: 'Sydney', startsInDays: 7 },
] as const;

function ids(index: number): { bambooId: string; hibobId: string } {
  const number = FIRST_BAMBOO_ID + index;
  return { bambooId: String(number), hibobId: `${HIBOB_PREFIX}${String(number).padStart(11, '0')}` };
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The demo company as of `today` (`YYYY-MM-DD`): everyone employed, new hires starting soon. */
export function demoCompany(today: string): HrEmployee[] {
  const staff = DEMO_USER_SPECS.map((spec, index): HrEmployee => {
    const [firstName, ...rest] = spec.name.split(' ');
    return {
      ...ids(index),
      firstName,
      lastName: rest.join(' '),
      workEmail: spec.email,
      department: spec.department,
      jobTitle: spec.jobTitle,
      location: spec.location,
      // People whose Atlassian access is suspended are still employed: HR and IT drift apart.
      status: 'Active',
      hireDate: addDays('2019-01-07', index * 41),
    };
  });
  const hires = NEW_HIRES.map((hire, offset): HrEmployee => ({
    ...ids(DEMO_USER_SPECS.length + offset),
    firstName: hire.firstName,
    lastName: hire.lastName,
    workEmail: hire.workEmail,
    department: hire.department,
    jobTitle: hire.jobTitle,
    location: hire.location,
    status: 'Active',
    hireDate: addDays(today, hire.startsInDays),
  }));
  return [...staff, ...hires];
}
