import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadJmlConfigFile } from '../../../functions/lib/config/load-jml-config.js';
import { parseBambooHrPayload } from '../../../functions/lib/hr/bamboohr-payload.js';
import { parseHiBobPayload } from '../../../functions/lib/hr/hibob-payload.js';
import { HrEventInputSchema } from '../../../functions/lib/hr/hr-notice.js';
import { noticeRelevance } from '../../../functions/lib/hr/notice-relevance.js';
import { parseStandardPayload } from '../../../functions/lib/hr/standard-payload.js';

/** The vendor samples of ../shared/hr-webhooks, and the edges around them. */
const DIR = new URL('../../../../shared/hr-webhooks/', import.meta.url);
const sample = (file: string) => readFileSync(new URL(file, DIR), 'utf8');
const json = (file: string) => JSON.parse(sample(file));
const hr = loadJmlConfigFile(new URL('../../../config/jml.example.yaml', import.meta.url).pathname).hr!;

describe('BambooHR payloads', () => {
  it.each([
    ['bamboohr.event-based.employee.created.json', 'employee.created', undefined],
    ['bamboohr.event-based.employee.updated.json', 'employee.updated', ['firstName']],
    ['bamboohr.event-based.employee.deleted.json', 'employee.deleted', undefined],
  ])('reads the event-based sample %s', (file, type, changedFields) => {
    // Act
    const parsed = parseBambooHrPayload(json(file));

    // Assess
    expect(parsed).toEqual({
      ok: true,
      eventTypes: [type],
      notices: [{ format: 'bamboohr.event', type, employeeId: '67890', occurredAt: '2026-01-31T18:42:00+0000', ...(changedFields ? { changedFields } : {}) }],
    });
  });

  it('reads the legacy field-based sample, values included', () => {
    expect(parseBambooHrPayload(json('bamboohr.field-based.employee_with_fields.updated.json'))).toEqual({
      ok: true,
      eventTypes: ['employee.updated'],
      notices: [{ format: 'bamboohr.fields', type: 'employee.updated', employeeId: '12345', changedFields: ['First Name'], fields: { 'First Name': 'Bryony' }, occurredAt: '2026-01-31T18:42:00+0000' }],
    });
  });

  it('takes numeric ids, and names the field that is wrong', () => {
    expect(parseBambooHrPayload({ type: 'employee.created', data: { employeeId: 7 } })).toMatchObject({ ok: true, notices: [{ employeeId: '7' }] });
    expect(parseBambooHrPayload({ type: 'employee.created', data: {} })).toMatchObject({ ok: false, message: expect.stringContaining('data.employeeId') });
    expect(parseBambooHrPayload({ employees: [] })).toMatchObject({ ok: false, message: expect.stringContaining('names no employee') });
    expect(parseBambooHrPayload({ type: 'employee.created', data: { employeeId: '../../etc' } })).toMatchObject({ ok: false });
  });

  it('sorts out, without an API call, the samples that start nothing: a first-name fix, a deleted record', () => {
    const reasons = ['bamboohr.event-based.employee.updated.json', 'bamboohr.event-based.employee.deleted.json', 'bamboohr.field-based.employee_with_fields.updated.json'].map((file) => {
      const parsed = parseBambooHrPayload(json(file));
      if (!parsed.ok || 'ping' in parsed) throw new Error('expected notices');
      return noticeRelevance(parsed.notices[0], hr);
    });
    expect(reasons).toEqual([
      { relevant: false, reason: 'no field the workflows use changed (firstName)' },
      { relevant: false, reason: 'event type employee.deleted is not mapped to an HR event' },
      { relevant: false, reason: 'no field the workflows use changed (First Name)' },
    ]);
  });
});

describe('HiBob payloads', () => {
  it('reads the v2 samples and keeps the ids only', () => {
    for (const [file, type] of [
      ['hibob.v2.employee.created.CONSTRUCTED.json', 'employee.created'],
      ['hibob.v2.employee.left.CONSTRUCTED.json', 'employee.left'],
      ['hibob.v2.table.entry.created.lifecycle.json', 'table.entry.created'],
    ]) {
      const text = sample(file);
      expect(parseHiBobPayload(text, JSON.parse(text)), file).toMatchObject({ ok: true, eventTypes: [type], notices: [{ format: 'hibob.v2', type, employeeId: '3332883854254932743' }] });
    }
  });

  it('recognizes the connection test in both documented forms', () => {
    expect(parseHiBobPayload(sample('hibob.ping-test.txt'), undefined)).toEqual({ ok: true, ping: true });
    expect(parseHiBobPayload('{"text":"Ping test"}', { text: 'Ping test' })).toEqual({ ok: true, ping: true });
    expect(parseHiBobPayload('{"text":"Ping test","x":1}', { text: 'Ping test', x: 1 })).toMatchObject({ ok: false });
  });

  it('refuses v1 webhooks and maps lifecycle table entries to nothing by default', () => {
    expect(parseHiBobPayload('', { type: 'employee.left', version: 'v1', data: { employeeId: '1' } })).toMatchObject({ ok: false, message: expect.stringContaining('v2') });
    const parsed = parseHiBobPayload('', json('hibob.v2.table.entry.created.lifecycle.json'));
    if (!parsed.ok || 'ping' in parsed) throw new Error('expected notices');
    expect(noticeRelevance(parsed.notices[0], hr)).toEqual({ relevant: false, reason: 'event type table.entry.created is not mapped to an HR event' });
  });
});

describe('standard payloads', () => {
  const event = { type: 'termination', person: { id: 'E-1', workEmail: 'ada.lovelace@acme.example' }, effectiveDate: '2026-03-31', reference: 'HR-9' };

  it('reads a valid event and refuses unknown fields and kinds, naming them', () => {
    expect(parseStandardPayload(event)).toMatchObject({ ok: true, eventTypes: ['termination'], notices: [{ format: 'standard.v1', event }] });
    expect(parseStandardPayload({ ...event, jobtitle: 'x' })).toMatchObject({ ok: false, message: expect.stringContaining('jobtitle') });
    expect(parseStandardPayload({ ...event, type: 'fired' })).toMatchObject({ ok: false, message: expect.stringContaining('type') });
    expect(parseStandardPayload({ ...event, effectiveDate: '31/03/2026' })).toMatchObject({ ok: false, message: expect.stringContaining('effectiveDate') });
    expect(parseStandardPayload({ ...event, person: { workEmail: 'not-an-email' } })).toMatchObject({ ok: false, message: expect.stringContaining('person.workEmail') });
  });

  it('makes an hr-event input the workflow schema accepts', () => {
    const parsed = parseStandardPayload(event);
    if (!parsed.ok || 'ping' in parsed) throw new Error('expected notices');
    expect(HrEventInputSchema.safeParse({ source: 'standard', deliveryId: 'msg_1', receivedAt: '2026-03-02T10:00:00.000Z', notices: parsed.notices }).success).toBe(true);
  });
});
