import { describe, expect, it } from 'vitest';
import { stepLabel } from '../../../local/demo/step-label.js';
import { DEMO_STEPS } from '../../../local/demo/scenarios.js';

describe('stepLabel (the demo\'s closing table)', () => {
  it.each([
    ['Inactivity sweep, acting ({"dryRun": false}): Dennis Ritchie (200 days) is suspended', 'Inactivity sweep, acting ({"dryRun": false})'],
    ['Inactivity sweep, dry run (the default until inactivity.enforce): who has been inactive', 'Inactivity sweep, dry run (the default until inactivity.enforce)'],
    ['Leaver, dry run: what would happen', 'Leaver, dry run'],
    ['A title without a colon', 'A title without a colon'],
    ['Time 10:30: a colon without a space is no cut', 'Time 10:30'],
  ])('%j -> %j', (title, label) => {
    expect(stepLabel(title)).toBe(label);
  });

  it('leaves every demo step a label with balanced brackets', () => {
    for (const step of DEMO_STEPS) {
      const label = stepLabel(step.title);
      expect(label.split(/[({[]/).length, label).toBe(label.split(/[)}\]]/).length);
    }
  });
});
