import { removeNonXmlChars } from '@storykit/core';
import { describe, expect, it } from 'vitest';

describe('removeNonXmlChars', () => {
  it('keeps text XML can carry as it is', () => {
    const text = 'Tab\tLF\nCR\r “quotes” — 😀 \uE000 \uFFFD \u{10FFFF} 王建國';
    expect(removeNonXmlChars(text)).toBe(text);
  });

  it('removes C0 controls, U+FFFE and U+FFFF', () => {
    expect(removeNonXmlChars('a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg\uFFFEh\uFFFFi')).toBe(
      'abcdefghi',
    );
  });

  it('removes lone surrogates and keeps pairs', () => {
    expect(removeNonXmlChars('a\uD800b\uDC00c\uD83D\uDE00d')).toBe('abc😀d');
    expect(removeNonXmlChars('\uD800\uD800\uDC00')).toBe('\u{10000}');
    expect(removeNonXmlChars('\uD800\uDC00\uDC00')).toBe('\u{10000}');
    expect(removeNonXmlChars('\uDC00\uD800')).toBe('');
  });

  it('never joins the halves around a removed character into a new one', () => {
    expect(removeNonXmlChars('\uD800\u0000\uDC00')).toBe('');
    expect(removeNonXmlChars('x\uDBFF\uFFFF\uDFFFy')).toBe('xy');
    expect(removeNonXmlChars('\uD83D\u0001\u0002\uDE00')).toBe('');
  });
});
