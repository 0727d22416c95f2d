import { describe, expect, it } from 'vitest';
import { renderFields, renderTable } from '../../../local/cli/format/table.js';
import { formatDuration } from '../../../local/cli/format/time.js';
import { defaultExecutionName, executionNameProblem } from '../../../local/cli/execution-name.js';

describe('renderTable', () => {
  it('pads every column to its widest cell, two spaces apart, without trailing spaces', () => {
    // Act
    const table = renderTable(['NAME', 'STATUS', 'ERRORS'], [['leaver-1', 'RUNNING', ''], ['l2', 'SUCCEEDED', 'Atlassian.NotFound']]);

    // Assess
    expect(table.split('\n')).toEqual([
      'NAME      STATUS     ERRORS',
      'leaver-1  RUNNING',
      'l2        SUCCEEDED  Atlassian.NotFound',
    ]);
  });

  it('keeps a multi-line value under its value column and leaves out absent fields', () => {
    // Act
    const fields = renderFields([['status', 'RUNNING'], ['output', undefined], ['input', '{\n  "a": 1\n}']]);

    // Assess
    expect(fields).toBe('status  RUNNING\ninput   {\n          "a": 1\n        }');
  });
});

describe('formatDuration', () => {
  it.each([
    [12, '12 ms'],
    [4_250, '4.3 s'],
    [185_000, '3 min 5 s'],
    [7_800_000, '2 h 10 min'],
    [30 * 86_400_000, '30 d 0 h'],
  ])('%d ms is %s', (ms, text) => {
    // Act / Assess
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('execution names', () => {
  it('accepts what Step Functions accepts', () => {
    // Act / Assess
    for (const name of ['leaver-HR-1234', 'a', 'x'.repeat(80), 'joiner_2026.05.12', 'émile-été']) expect(executionNameProblem(name)).toBeUndefined();
  });

  it('refuses each forbidden character by name', () => {
    // Act / Assess
    for (const char of '<>{}[]?*"#%\\^|~`$&,;:/') expect(executionNameProblem(`a${char}b`)).toContain(JSON.stringify(char));
    expect(executionNameProblem('a\u0085b')).toMatch(/whitespace|control character/);
    expect(executionNameProblem('a\u009fb')).toMatch(/control character U\+009F/);
  });

  it('makes default names that are valid, readable and distinct', () => {
    // Act
    const names = Array.from({ length: 50 }, () => defaultExecutionName('leaver', new Date('2026-05-12T10:15:03.123Z')));

    // Assess
    expect(names[0]).toMatch(/^leaver-20260512-101503-[0-9a-z]{4}$/);
    expect(names.every((name) => executionNameProblem(name) === undefined)).toBe(true);
    expect(new Set(names).size).toBeGreaterThan(45);
  });
});
