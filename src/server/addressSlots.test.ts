import { describe, expect, it } from 'vitest';
import { AddressSlots } from './addressSlots';

describe('AddressSlots', () => {
  it('counts connections per address and gives each slot back once', () => {
    const slots = new AddressSlots();
    const first = slots.take('10.0.0.7');
    const second = slots.take('10.0.0.7');
    slots.take('10.0.0.8');
    expect(slots.count('10.0.0.7')).toBe(2);
    first(); // the host let it go
    first(); // and then it closed: no second release
    expect(slots.count('10.0.0.7')).toBe(1);
    second();
    expect(slots.count('10.0.0.7')).toBe(0);
    expect(slots.count('10.0.0.8')).toBe(1);
  });
});
