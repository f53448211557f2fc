import { describe, expect, it } from 'vitest';
import { formatShipBy, formatWait, isOverdue } from './format';

describe('times and waits for the station language', () => {
  const now = new Date(2026, 10, 23, 9, 0);

  it('shows only the time for an order due today, weekday and day for another day', () => {
    const today = formatShipBy('en', new Date(2026, 10, 23, 14, 30).toISOString(), now);
    expect(today).toMatch(/^0?2:30\sPM$/);
    const later = formatShipBy('es', new Date(2026, 10, 25, 8, 0).toISOString(), now);
    expect(later).toMatch(/mi[ée]\.?,? 25/i);
    expect(formatShipBy('pt-BR', null, now)).toBeNull();
    expect(formatShipBy('pt-BR', 'not a date', now)).toBeNull();
  });

  it('marks an order overdue only once its ship-by has passed', () => {
    expect(isOverdue(new Date(2026, 10, 23, 8, 59).toISOString(), now)).toBe(true);
    expect(isOverdue(new Date(2026, 10, 23, 9, 1).toISOString(), now)).toBe(false);
    expect(isOverdue(null, now)).toBe(false);
  });

  it('says a short wait in seconds and a long one in whole minutes', () => {
    expect(formatWait('en', 42)).toBe('42 sec');
    expect(formatWait('en', 0.2)).toBe('1 sec');
    expect(formatWait('es', 600)).toBe('10 min');
    expect(formatWait('pt-BR', 91)).toBe('2 min');
  });
});
