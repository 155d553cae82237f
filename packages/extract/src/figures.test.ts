import { describe, expect, it } from 'vitest';
import { figuresIn, parseNumber } from '../src/lib/plugins/figures.js';

const figures = (text: string) =>
  figuresIn(text).map((f) => [text.slice(f.start, f.end), f.value, f.qualifier ?? '', f.unit]);

describe('figures', () => {
  it('reads numbers in digits and words, with their unit', () => {
    expect(figures('He will send 560 more troops to the two countries.')).toEqual([
      ['560 more troops', 560, '', 'troops'],
      ['two countries', 2, '', 'countries'],
    ]);
    expect(
      figures('Two dozen workers and 1,200 residents left; 1.2 million doses arrived.'),
    ).toEqual([
      ['Two dozen workers', 24, '', 'workers'],
      ['1,200 residents', 1200, '', 'residents'],
      ['1.2 million doses', 1_200_000, '', 'doses'],
    ]);
  });

  it('reads ranges, percentages and money', () => {
    expect(
      figures('It fell 40 to 45 percent, between 300 and 400 workers struck, and 12% quit.'),
    ).toEqual([
      ['40 to 45 percent', { low: 40, high: 45 }, '', 'percent'],
      ['300 and 400 workers', { low: 300, high: 400 }, '', 'workers'],
      ['12%', 12, '', 'percent'],
    ]);
    expect(figures('The plan costs $2.4 million.')).toEqual([
      ['$2.4 million', 2_400_000, '', 'USD'],
    ]);
  });

  it('reads the hedge, and counts people after "killed"', () => {
    expect(
      figures('The attack killed at least 84, and nearly 300 were hurt less than a decade ago.'),
    ).toEqual([
      ['at least 84', 84, 'at least', 'people'],
      ['nearly 300', 300, 'nearly', 'people'],
      ['less than a decade', 1, 'less than', 'decade'],
    ]);
  });

  it('finds the noun a number counts past adjectives, "of the" and joined units', () => {
    expect(
      figures(
        'Crews sent 25 high-water rescue vehicles to four of the city’s nine library branches along a 1.5-mile stretch, and 38 developed severe fever.',
      ).map((f) => [f[1], f[3]]),
    ).toEqual([
      [25, 'vehicles'],
      [4, 'branches'],
      [9, 'branches'],
      [1.5, 'mile'],
      [38, 'people'],
    ]);
    expect(figures('It enrolled volunteers aged 2 to 60.').map((f) => [f[1], f[3]])).toEqual([
      [{ low: 2, high: 60 }, 'years of age'],
    ]);
  });

  it('leaves out years, days, times, names and lone "one"', () => {
    expect(
      figures(
        'In 2016, on June 26 at 10 a.m., ISIS 2.0 and Route 66 met one person in the 3rd week.',
      ),
    ).toEqual([]);
  });
});

describe('parseNumber', () => {
  it.each([
    ['forty-five', 45],
    ['two hundred and fifteen', 215],
    ['3,000', 3000],
    ['$2.4 million', 2_400_000],
    ['a dozen', 12],
    ['seven thousand', 7000],
  ])('%s → %d', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });
});
