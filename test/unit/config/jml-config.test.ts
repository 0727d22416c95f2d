import { describe, expect, it } from 'vitest';
import { DEMO_SITES } from '../../../local/simulator/index.js';
import { loadJmlConfig, loadJmlConfigFile, parseJmlConfig, parseJmlConfigText } from '../../../functions/lib/config/load-jml-config.js';
import { configError } from './config-error.js';

const EXAMPLE = new URL('../../../config/jml.example.yaml', import.meta.url).pathname;

const rule = (id: string, grant: object, when: object = {}) => ({ id, when, grant });

describe('JML config', () => {
  it('the example config is valid and its resources are the demo org\'s sites', () => {
    // Act
    const config = loadJmlConfigFile(EXAMPLE);

    // Assess
    expect(config.resources).toEqual({ jira: DEMO_SITES.jira.resourceId, confluence: DEMO_SITES.confluence.resourceId });
    expect(config.accessRules.length).toBeGreaterThan(3);
    expect(config.leaver.graceDays).toBe(30);
  });

  it('applies defaults for the optional sections', () => {
    // Act
    const config = parseJmlConfig({ accessRules: [rule('all', { groups: ['staff'] })] });

    // Assess
    expect(config).toMatchObject({ resources: {}, protectedAccounts: [], leaver: { graceDays: 30 }, limits: { maxRemovalsPerRun: 25 } });
    expect(config.accessRules[0].grant.roles).toEqual([]);
  });

  it.each([
    [
      'a group that is not a name',
      { accessRules: [rule('a', { groups: ['x'] }), rule('b', { groups: ['y'] }), rule('c', { groups: [42] })] },
      'accessRules[2].grant.groups[0]: expected a group name',
    ],
    [
      'a role on an unknown alias',
      { resources: { jira: 'ari:cloud:jira-software::site/1' }, accessRules: [rule('a', { roles: [{ resource: 'jria', role: 'atlassian/user' }] })] },
      'accessRules[0].grant.roles[0].resource: "jria" is neither a workspace id (ari:...) nor an alias in resources (known: jira)',
    ],
    ['a duplicate rule id', { accessRules: [rule('a', { groups: ['x'] }), rule('a', { groups: ['y'] })] }, 'accessRules[1].id: duplicate rule id "a"'],
    ['a rule that grants nothing', { accessRules: [rule('a', {})] }, 'accessRules[0].grant: the rule grants nothing'],
    ['an unknown condition', { accessRules: [rule('a', { groups: ['x'] }, { team: 'x' })] }, 'accessRules[0].when'],
    [
      'a protected account without email or account id',
      { accessRules: [], protectedAccounts: [{ reason: 'why' }] },
      'protectedAccounts[0]: name the account: give email or accountId',
    ],
    ['a negative grace period', { accessRules: [], leaver: { graceDays: -1 } }, 'leaver.graceDays: graceDays cannot be negative'],
    ['a missing accessRules', {}, 'accessRules: expected accessRules to be a list of rules'],
  ])('points at the wrong entry: %s', (_what, config, expected) => {
    // Act
    const message = configError(() => parseJmlConfig(config, 'test.yaml'));

    // Assess
    expect(message).toContain('test.yaml');
    expect(message).toContain(expected);
  });

  it('reports YAML syntax errors with the source', () => {
    // Act
    const message = configError(() => parseJmlConfigText('accessRules: [\n  - id: x', 'broken.yaml'));

    // Assess
    expect(message).toContain('broken.yaml');
    expect(message).toContain('neither valid YAML nor JSON');
  });

  it('loads JML_CONFIG before JML_CONFIG_FILE and refuses to run with neither', () => {
    // Prepare
    const inline = JSON.stringify({ accessRules: [rule('inline', { groups: ['x'] })] });

    // Act
    const fromInline = loadJmlConfig({ JML_CONFIG: inline, JML_CONFIG_FILE: EXAMPLE });
    const fromFile = loadJmlConfig({ JML_CONFIG_FILE: EXAMPLE });
    const message = configError(() => loadJmlConfig({}));

    // Assess
    expect(fromInline.accessRules.map((r) => r.id)).toEqual(['inline']);
    expect(fromFile.accessRules.length).toBeGreaterThan(1);
    expect(message).toContain('set JML_CONFIG');
  });
});

describe('JML config as JSON (how infra passes it in JML_CONFIG)', () => {
  it('the validated config re-parses to itself and the example stays well under the Lambda environment limit', () => {
    // Prepare
    const config = loadJmlConfigFile(EXAMPLE);

    // Act
    const json = JSON.stringify(config);
    const reparsed = loadJmlConfig({ JML_CONFIG: json });

    // Assess
    expect(reparsed).toEqual(config);
    expect(Buffer.byteLength(json)).toBeLessThan(3_000);
  });
});
