import { describe, expect, it } from 'vitest';
import { isoDate, parseByline } from '../src/lib/parse.js';

describe('bylines', () => {
  it('reads the authors, their organisation and a full date', () => {
    expect(parseByline('By Corinne Ashby · Tidewater Wire · March 13, 2024')).toEqual({
      authors: ['Corinne Ashby'],
      organization: 'Tidewater Wire',
      date: '2024-03-13',
    });
    expect(parseByline('By Ellen Marsh, Meridian Press')).toEqual({
      authors: ['Ellen Marsh'],
      organization: 'Meridian Press',
    });
    expect(parseByline('By Ann Lee and Tom Reyes')).toEqual({ authors: ['Ann Lee', 'Tom Reyes'] });
    expect(
      parseByline('By the river, the town waited for the water to fall again and again.'),
    ).toBeUndefined();
  });

  it('makes a date only from a full one', () => {
    expect(isoDate('April 17, 2024')).toBe('2024-04-17');
    expect(isoDate('17 April 2024')).toBe('2024-04-17');
    expect(isoDate('2024-04-17T09:00')).toBe('2024-04-17');
    expect(isoDate('April 2024')).toBeUndefined();
    expect(isoDate('on Sunday')).toBeUndefined();
  });
});
