import { parseArgs } from 'node:util';
import { demoCompany, type HrEmployee } from './company.js';
import {
  BREAKAGES,
  bambooHrEventBody,
  bambooHrFieldsBody,
  DEFAULT_WEBHOOK_SECRETS,
  hiBobEventBody,
  HIBOB_PING_BODY,
  sendDelivery,
  signDelivery,
  type Breakage,
  type WebhookSource,
} from './deliveries.js';
import { DEFAULT_HR_API_CREDENTIALS, startHrSimulator } from './index.js';

export const USAGE = `HR simulator: BambooHR's and HiBob's APIs over the demo company, and signed webhooks.

Usage:
  npm run hr-simulator -- serve [--port N]
  npm run hr-simulator -- change <email> --hr-url URL [--department D] [--job-title T] [--location L] [--status Active|Inactive] [--termination-date YYYY-MM-DD]
  npm run hr-simulator -- send <source> <event> --to URL --employee <email> [--changed f1,f2] [--break KIND] [--secret S]

  source/event: bamboohr employee.created|employee.updated|employee.deleted (add --fields for the legacy field-based format)
                hibob employee.created|employee.joined|employee.updated|employee.left|employee.inactivated|ping
                standard hire|change|termination|rehire
  --to          the receiver's base URL (POSTs to <URL>/webhooks/<source>), e.g. http://127.0.0.1:8083
  --break       ${BREAKAGES.join(', ')} (a deliberately broken delivery)
  --secret      signing secret (default: the simulator's, which the local receiver uses by default)
Prints the receiver's status and JSON answer; exits 0 on 2xx, 1 otherwise, 2 for a wrong command line.`;

const COMMANDS = ['serve', 'change', 'send'] as const;
const SOURCES: readonly WebhookSource[] = ['bamboohr', 'hibob', 'standard'];

/** Where the CLI writes, and what `serve` waits for; injectable so tests run it in-process. */
export interface HrSimulatorCliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** `serve` runs until this settles. @default the first SIGINT */
  untilStopped?: () => Promise<void>;
}

/** A mistake on the command line: its message and the usage on stderr, exit code 2. */
class UsageError extends Error {}

/** `npm run hr-simulator -- <command> ...`: returns the exit code (0 done, 1 the receiver or HR side refused, 2 bad usage). */
export async function runHrSimulatorCli(argv: string[], io: HrSimulatorCliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    io.err((error as Error).message);
    return 1;
  }
}

async function run(argv: string[], io: HrSimulatorCliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      port: { type: 'string' },
      to: { type: 'string' },
      'hr-url': { type: 'string' },
      employee: { type: 'string' },
      changed: { type: 'string' },
      fields: { type: 'boolean' },
      break: { type: 'string' },
      secret: { type: 'string' },
      department: { type: 'string' },
      'job-title': { type: 'string' },
      location: { type: 'string' },
      status: { type: 'string' },
      'termination-date': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  if (!(COMMANDS as readonly string[]).includes(command)) throw new UsageError(`unknown command ${JSON.stringify(command.slice(0, 40))}: use ${COMMANDS.join(', ')}`);
  if (command === 'serve') {
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError('--port must be a whole number between 0 and 65535');
    const sim = await startHrSimulator({ port });
    const { bamboohr, hibob } = DEFAULT_HR_API_CREDENTIALS;
    io.out(`HR simulator ready: ${sim.company.all().length} employees (demo company)`);
    io.out(`  BambooHR API   ${sim.bambooHrBaseUrl}   (JML_HR_BAMBOOHR_API_URL; API key ${bamboohr.apiKey})`);
    io.out(`  HiBob API      ${sim.hiBobBaseUrl}   (JML_HR_HIBOB_API_URL; service user ${hibob.serviceUserId}:${hibob.token})`);
    io.out(`  control        ${sim.url}/__control/{faults,reset,employees}`);
    io.out(`  webhook keys   bamboohr ${DEFAULT_WEBHOOK_SECRETS.bamboohr}, hibob ${DEFAULT_WEBHOOK_SECRETS.hibob}, standard ${DEFAULT_WEBHOOK_SECRETS.standard}`);
    io.out('Press Ctrl-C to stop.');
    await (io.untilStopped ?? (() => new Promise<void>((resolve) => process.once('SIGINT', () => resolve()))))();
    await sim.close();
    return 0;
  }
  if (command === 'change') {
    const [email] = rest;
    if (!email || !values['hr-url']) throw new UsageError('change needs <email> and --hr-url');
    const change = Object.fromEntries(
      Object.entries({ department: values.department, jobTitle: values['job-title'], location: values.location, status: values.status, terminationDate: values['termination-date'] }).filter(([, value]) => value !== undefined),
    );
    const response = await fetch(`${values['hr-url'].replace(/\/+$/, '')}/__control/employees/${encodeURIComponent(email)}`, { method: 'POST', body: JSON.stringify(change) });
    io.out(`${response.status} ${await response.text()}`);
    return response.ok ? 0 : 1;
  }
  const [sourceName, event] = rest;
  const source = SOURCES.find((known) => known === sourceName);
  if (!source || !event) throw new UsageError('send needs <source> (bamboohr, hibob, standard) and <event>');
  if (!values.to) throw new UsageError('send needs --to <receiver base URL>');
  const breakage = values.break === undefined ? undefined : BREAKAGES.find((known) => known === values.break);
  if (values.break !== undefined && !breakage) throw new UsageError(`--break must be one of ${BREAKAGES.join(', ')}`);
  const body = event === 'ping' ? HIBOB_PING_BODY : bodyFor(source, event, employee(values.employee), values.changed?.split(',').map((f) => f.trim()).filter(Boolean), values.fields === true);
  const delivery = signDelivery(source, body, { secret: values.secret, breakage: breakage as Breakage | undefined });
  const answer = await sendDelivery(values.to, delivery);
  io.out(`${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.status >= 200 && answer.status < 300 ? 0 : 1;
}

function employee(email: string | undefined): HrEmployee {
  if (!email) throw new UsageError('--employee <email> is required (a person of the demo company, e.g. alan.turing@acme.example)');
  const found = demoCompany(new Date().toISOString().slice(0, 10)).find((candidate) => candidate.workEmail === email.toLowerCase());
  if (!found) throw new UsageError(`no employee ${email} in the demo company`);
  return found;
}

function bodyFor(source: WebhookSource, event: string, person: HrEmployee, changed: string[] | undefined, fieldBased: boolean): string {
  const now = new Date();
  if (source === 'hibob') return hiBobEventBody(person, event, now);
  if (source === 'bamboohr' && fieldBased) {
    const fields = { 'Work Email': person.workEmail, Department: person.department ?? '', 'Job Title': person.jobTitle, Location: person.location, Status: person.status };
    const action = (event.split('.')[1] ?? 'updated').replace(/^./, (c) => c.toUpperCase()) as 'Created' | 'Updated' | 'Deleted';
    return bambooHrFieldsBody([{ employee: person, action, changedFields: changed ?? ['Department'], fields }], now);
  }
  if (source === 'bamboohr') return bambooHrEventBody(person, event, changed, now);
  return JSON.stringify({
    type: event,
    person: { id: person.bambooId, workEmail: person.workEmail, name: `${person.firstName} ${person.lastName}`, department: person.department, jobTitle: person.jobTitle, location: person.location },
    effectiveDate: now.toISOString().slice(0, 10),
  });
}
