/**
 * Which language a text is in, cheaply: first the script (kana is Japanese, Hangul Korean, Han
 * alone Chinese, Cyrillic, Greek, Arabic, Hebrew, Thai, Devanagari), then for Latin script the
 * share of each language's commonest function words. Enough to tell English from what the rules
 * must not read; not a general language identifier.
 */

const STOPWORDS: Record<string, readonly string[]> = {
  en: [
    'the',
    'and',
    'of',
    'to',
    'is',
    'that',
    'in',
    'it',
    'was',
    'for',
    'with',
    'he',
    'she',
    'they',
    'this',
    'said',
    'are',
    'have',
    'from',
    'not',
    'by',
    'but',
    'his',
    'her',
    'which',
  ],
  es: [
    'el',
    'la',
    'de',
    'que',
    'y',
    'en',
    'los',
    'las',
    'del',
    'por',
    'un',
    'una',
    'es',
    'con',
    'para',
    'se',
    'su',
    'al',
    'lo',
    'como',
    'más',
    'pero',
    'dijo',
    'sus',
    'fue',
  ],
  pt: [
    'o',
    'a',
    'de',
    'que',
    'e',
    'do',
    'da',
    'em',
    'um',
    'uma',
    'para',
    'com',
    'não',
    'os',
    'as',
    'dos',
    'das',
    'no',
    'na',
    'se',
    'por',
    'mais',
    'foi',
    'disse',
    'ao',
  ],
  fr: [
    'le',
    'la',
    'les',
    'de',
    'des',
    'et',
    'est',
    'un',
    'une',
    'du',
    'en',
    'que',
    'qui',
    'dans',
    'pour',
    'pas',
    'sur',
    'au',
    'il',
    'elle',
    'avec',
    'ce',
    'sont',
    'mais',
    'été',
  ],
  de: [
    'der',
    'die',
    'das',
    'und',
    'ist',
    'nicht',
    'ein',
    'eine',
    'zu',
    'den',
    'von',
    'mit',
    'sich',
    'des',
    'auf',
    'für',
    'im',
    'dem',
    'auch',
    'es',
    'sie',
    'er',
    'wird',
    'sagte',
    'wie',
  ],
  it: [
    'il',
    'di',
    'che',
    'e',
    'la',
    'per',
    'un',
    'una',
    'non',
    'del',
    'della',
    'sono',
    'con',
    'le',
    'gli',
    'nel',
    'ha',
    'si',
    'da',
    'anche',
    'come',
    'più',
    'ma',
    'alla',
    'dei',
  ],
  nl: [
    'de',
    'het',
    'een',
    'en',
    'van',
    'is',
    'dat',
    'niet',
    'op',
    'te',
    'zijn',
    'voor',
    'met',
    'die',
    'ook',
    'aan',
    'er',
    'maar',
    'om',
    'wordt',
    'bij',
    'nog',
    'zei',
    'naar',
    'dan',
  ],
  cs: [
    'a',
    'je',
    'se',
    'na',
    'v',
    've',
    'že',
    'to',
    'do',
    'by',
    'jsou',
    'byl',
    'jako',
    'pro',
    'ale',
    'od',
    'už',
    'také',
    'tak',
    'jeho',
    'které',
    'který',
    'jak',
    'aby',
    'při',
  ],
  pl: [
    'i',
    'w',
    'nie',
    'na',
    'się',
    'z',
    'że',
    'do',
    'to',
    'jest',
    'jak',
    'ale',
    'od',
    'po',
    'za',
    'tak',
    'są',
    'przez',
    'już',
    'jego',
    'który',
    'była',
    'był',
    'także',
    'oraz',
  ],
};

/** The language a text reads in, as a BCP 47 primary tag, or undefined when the check cannot tell. */
export function detectLanguage(text: string): string | undefined {
  const sample = text.slice(0, 20_000);
  const count = (pattern: RegExp) => sample.match(pattern)?.length ?? 0;
  const letters = count(/\p{L}/gu);
  if (letters < 20) return undefined;
  const kana = count(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu);
  const han = count(/\p{Script=Han}/gu);
  if (kana > letters * 0.05) return 'ja';
  const scripts: [string, number][] = [
    ['ko', count(/\p{Script=Hangul}/gu)],
    ['zh', han],
    ['ru', count(/\p{Script=Cyrillic}/gu)],
    ['el', count(/\p{Script=Greek}/gu)],
    ['ar', count(/\p{Script=Arabic}/gu)],
    ['he', count(/\p{Script=Hebrew}/gu)],
    ['th', count(/\p{Script=Thai}/gu)],
    ['hi', count(/\p{Script=Devanagari}/gu)],
  ];
  const [script, n] = scripts.reduce((a, b) => (b[1] > a[1] ? b : a));
  if (n > letters * 0.3) return script;
  const words = sample
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter(Boolean);
  if (words.length < 8) return undefined;
  let best: string | undefined;
  let bestShare = 0;
  let second = 0;
  for (const [language, list] of Object.entries(STOPWORDS)) {
    const set = new Set(list);
    const share = words.filter((w) => set.has(w)).length / words.length;
    if (share > bestShare) {
      second = bestShare;
      bestShare = share;
      best = language;
    } else if (share > second) second = share;
  }
  // Function words make a quarter or more of running text; a clear lead is needed to decide.
  return bestShare >= 0.1 && bestShare >= second * 1.3 ? best : undefined;
}

/** Whether a BCP 47 tag is English (`en`, `en-US`, `EN-gb`). */
export function isEnglish(tag: string): boolean {
  return /^en(?:-|$)/i.test(tag);
}

/** The English name of a primary language tag, for notes ("es" → "Spanish"); else the tag. */
export function languageName(tag: string): string {
  const primary = tag.split('-')[0]?.toLowerCase() ?? tag;
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(primary) ?? tag;
  } catch {
    return tag;
  }
}
