import { describe, expect, it } from 'vitest';
import { isChromeLine } from '../src/lib/plain/chrome.js';
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
    expect(creditOf('  ( PICTURES: Ana Ruiz )')).toBe('Ana Ruiz');
    expect(creditOf('Image credit: Ana Ruiz')).toBe('Ana Ruiz');
    expect(creditOf('Ana Ruiz, Sam Lee')).toBeUndefined();
    expect(creditOf('Sales rose 4 percent in 2015/16, the company said.')).toBeUndefined();
  });

  it.each([
    ['Meridian Press | Home > Business > Labor', true],
    ['Facebook | X | LinkedIn | Email', true],
    ['Facebook X LinkedIn Email', false],
    ['Home Business Labor', false],
    ['Rents rose 4 percent > 3 percent', false],
  ])('reads %j as site chrome: %s', (line, chrome) => {
    expect(isChromeLine(line)).toBe(chrome);
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
