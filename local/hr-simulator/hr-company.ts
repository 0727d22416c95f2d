import { demoCompany, type HrEmployee } from './company.js';

/** Changes HR makes to a record (what the webhooks then report). */
export type EmployeeChange = Partial<Pick<HrEmployee, 'department' | 'jobTitle' | 'location' | 'status' | 'terminationDate' | 'hireDate' | 'workEmail' | 'firstName' | 'lastName'>>;

/**
 * The simulated HR system's state: the employees, looked up by either vendor's id or by email,
 * changed the way HR changes them (a transfer, a termination, a rehire).
 */
export class HrCompany {
  private employees: HrEmployee[];

  constructor(private readonly today: () => string) {
    this.employees = demoCompany(today());
  }

  /** Back to the demo company. */
  reset(): void {
    this.employees = demoCompany(this.today());
  }

  all(): readonly HrEmployee[] {
    return this.employees;
  }

  byEmail(email: string): HrEmployee | undefined {
    return this.employees.find((employee) => employee.workEmail.toLowerCase() === email.toLowerCase());
  }

  /** The employee by email. @throws Error naming the email (a scenario bug). */
  get(email: string): HrEmployee {
    const employee = this.byEmail(email);
    if (!employee) throw new Error(`No employee ${email} in the HR simulator.`);
    return employee;
  }

  byBambooId(id: string): HrEmployee | undefined {
    return this.employees.find((employee) => employee.bambooId === id);
  }

  byHiBobId(id: string): HrEmployee | undefined {
    return this.employees.find((employee) => employee.hibobId === id);
  }

  /** Applies `change` to the employee with `email` and returns the changed record. */
  update(email: string, change: EmployeeChange): HrEmployee {
    const employee = this.get(email);
    Object.assign(employee, change);
    return employee;
  }

  /** Terminates: status Inactive from `lastDay` (`YYYY-MM-DD`). */
  terminate(email: string, lastDay: string): HrEmployee {
    return this.update(email, { status: 'Inactive', terminationDate: lastDay });
  }
}
