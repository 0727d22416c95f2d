/**
 * What the HR simulator's demo company records about Ada Lovelace, as every vendor client maps it:
 * the person fields the tests expect (or feed in) besides ids and dates.
 */
export const ADA_FIELDS = {
  email: 'ada.lovelace@acme.example',
  firstName: 'Ada',
  lastName: 'Lovelace',
  department: 'Engineering',
  jobTitle: 'Engineering Manager',
  location: 'Amsterdam',
} as const;
