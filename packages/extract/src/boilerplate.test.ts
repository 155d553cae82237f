import { describe, expect, it } from 'vitest';
import { creditOf, isPageBoilerplate, mediaFromLines } from '../src/lib/plugins/boilerplate.js';

describe('boilerplate', () => {
  it.each([
    "You've read  of  free articles. Subscribe to continue.",
    'Unlimited digital access $11/month.',
    'Get unlimited Monitor journalism.',
    'Share this article',
    'Read more: Council approves budget',
    'Sign up for our daily newsletter',
    '© 2024 The Daily Example. All rights reserved.',
    'Advertisement',
  ])('drops %j', (line) => {
    expect(isPageBoilerplate(line)).toBe(true);
  });

  it.each([
    'The council voted to share the cost with the county.',
    'Read the report, she said, and you will see.',
    'More than 40 people signed up for the program on Tuesday.',
  ])('keeps %j', (line) => {
    expect(isPageBoilerplate(line)).toBe(false);
  });

  it('reads photo credits in their usual forms', () => {
    expect(creditOf('Alexander Zemlianichenko/AP')).toBe('Alexander Zemlianichenko/AP');
    expect(creditOf('Photo: Jane Doe/Reuters')).toBe('Jane Doe/Reuters');
    expect(creditOf('(Photo by Sam Lee)')).toBe('Sam Lee');
    expect(creditOf('The mayor spoke on Tuesday.')).toBeUndefined();
  });

  it('splits a credit line from the caption it heads or ends', () => {
    expect(
      mediaFromLines(['Alexander Zemlianichenko/AP', 'John Kerry gestures at a news conference.']),
    ).toEqual({
      id: 'photo',
      kind: 'image',
      credit: 'Alexander Zemlianichenko/AP',
      caption: 'John Kerry gestures at a news conference.',
    });
    expect(mediaFromLines(['Flood water on Main Street.', 'Photo: Jane Doe/Reuters'])?.credit).toBe(
      'Jane Doe/Reuters',
    );
    expect(mediaFromLines(['Just a paragraph.'])).toBeUndefined();
  });
});
