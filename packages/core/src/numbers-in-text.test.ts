import { numbersInText } from '@storykit/core';
import { describe, expect, it } from 'vitest';

describe('numbersInText', () => {
  it.each([
    ['at least 84', [84]],
    ['40 to 45 percent', [40, 45]],
    ['1,200.5 dollars and .5 more', [1200.5, 0.5]],
    ['the past two weeks', [2]],
    ['forty-five people and two hundred and fifteen more', [45, 215]],
    ['three million', [3_000_000]],
    ['less than a decade ago', [1]],
    ['the triple suicide attack', [3]],
    ['ISIS 2.0', [2]],
    ['$2.4 million', [2.4, 2_400_000]],
    ['1.2 billion doses', [1.2, 1_200_000_000]],
    ['two dozen workers', [2, 24, 12]],
    ['a dozen', [1, 12]],
    ['no numbers here', []],
  ])('%s → %j', (text, expected) => {
    expect(numbersInText(text)).toEqual(expected);
  });
});
