import { phoneTag } from './phone-tag';

describe(phoneTag.name, () => {
  it('should give the same short tag for the same user and number, however the number is written', () => {
    expect(phoneTag('00u1', '+14155552671')).toMatch(/^[0-9a-f]{4}$/);
    expect(phoneTag('00u1', '14155552671')).toBe(phoneTag('00u1', '+14155552671'));
    expect(phoneTag('00u1', '+1 415-555-2671')).toBe(phoneTag('00u1', '+14155552671'));
  });

  it('should differ between users and between numbers', () => {
    expect(phoneTag('00u2', '+14155552671')).not.toBe(phoneTag('00u1', '+14155552671'));
    expect(phoneTag('00u1', '+14155552672')).not.toBe(phoneTag('00u1', '+14155552671'));
  });
});
