/**
 * A story built from the seed to stress the brief: names in Arabic, Chinese and Cyrillic, emoji,
 * a 3,000-word quotation, an unbreakable 600-character token, a very long role, and 200 figures.
 * It stays a valid story (quotations verbatim, figures written at their spans), so the brief is
 * tested on input the model allows.
 */
import type { Story } from '@storykit/core';

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? any : T[K] };

/** Names the brief must render and pdftotext must find. */
export const NAMES = {
  arabic: 'محمد بن سلمان',
  chinese: '王建國',
  cyrillic: 'Сергей Лавров',
  emoji: 'Mira 🎉 Okafor',
  /** Urdu: ہ is a letter DejaVu Sans lacks, so the word needs the Arabic fallback font. */
  urdu: 'شہباز شریف',
} as const;

const WORDS = [
  'the',
  'ceasefire',
  'will',
  'hold',
  'قالت',
  'الحكومة',
  '和平',
  'Москва',
  'يوم',
  '🎉',
  'again',
  'and',
  '2016',
  'again,',
  '(مرحبا)',
];

export function hostileStory(seed: Story): Story {
  const story = JSON.parse(JSON.stringify(seed)) as Mutable<Story>;
  const quote = Array.from({ length: 3000 }, (_, i) => WORDS[i % WORDS.length]).join(' ');
  const token = `https://example.org/${'x'.repeat(600)}`;
  const arabicQuote = 'إن الحرب لم تنته بعد';
  const blocks = [
    { id: 'p18', text: `“${quote}” ${NAMES.chinese} said.` },
    { id: 'p19', text: `${NAMES.arabic} said “${arabicQuote}” and pointed to ${token} online.` },
    {
      id: 'p20',
      text: Array.from({ length: 200 }, (_, i) => `site ${i + 1} counted ${i + 1} people`).join(
        ', ',
      ),
    },
  ];
  story.body.push(...blocks.map((b) => ({ ...b, kind: 'paragraph' })));
  story.headline = `${seed.headline} — ${NAMES.chinese}, ${NAMES.arabic} 🎉`;
  story.sources.push(
    {
      id: 'wang',
      kind: 'person',
      name: NAMES.chinese,
      role: '研究员',
      sameAs: [],
    },
    {
      id: 'mbs',
      kind: 'person',
      name: NAMES.arabic,
      role: 'ولي العهد',
      sameAs: [],
    },
    {
      id: 'lavrov-source',
      kind: 'person',
      name: NAMES.cyrillic,
      role: `министр иностранных дел ${'и очень длинная должность '.repeat(12).trim()}`,
      sameAs: [],
    },
    { id: 'mira', kind: 'anonymous', name: NAMES.emoji, sameAs: [] },
    { id: 'sharif', kind: 'person', name: NAMES.urdu, role: 'وزیر اعظم', sameAs: [] },
  );
  const p18 = blocks[0]!.text;
  const p19 = blocks[1]!.text;
  story.statements.push(
    {
      id: 'wang-long',
      kind: 'direct',
      text: quote,
      speaker: 'wang',
      attribution: { verb: 'said', medium: 'interview', recipient: 'mira' },
      span: { block: 'p18', start: 1, end: 1 + quote.length },
    },
    {
      id: 'mbs-war',
      kind: 'direct',
      text: arabicQuote,
      speaker: 'mbs',
      attribution: { verb: 'said', venue: 'قناة العربية', medium: 'tv' },
      span: {
        block: 'p19',
        start: p19.indexOf(arabicQuote),
        end: p19.indexOf(arabicQuote) + arabicQuote.length,
      },
    },
    {
      id: 'lavrov-token',
      kind: 'indirect',
      text: `pointed to ${token} online`,
      speaker: 'lavrov-source',
      attribution: {},
      span: {
        block: 'p19',
        start: p19.indexOf('pointed'),
        end: p19.indexOf('pointed') + `pointed to ${token} online`.length,
      },
    },
  );
  void p18;
  story.relations.push(
    { kind: 'disputes', from: 'wang-long', to: 'kerry-on-the-run' },
    { kind: 'supports', from: 'mbs-war', to: 'kerry-on-the-run' },
    { kind: 'disputes', from: 'lavrov-token', to: 'kerry-on-the-run' },
  );
  const p20 = blocks[2]!.text;
  let from = 0;
  for (let i = 1; i <= 200; i++) {
    const written = `counted ${i} people`;
    const start = p20.indexOf(written, from) + 'counted '.length;
    from = start;
    story.figures.push({
      id: `hurt-${i}`,
      value: i,
      ...(i % 3 === 0 ? { qualifier: 'at least' } : {}),
      unit: 'people',
      measure: 'hurt',
      subject:
        i % 2 ? `site ${i} — ${NAMES.arabic}` : `site ${i} — ${NAMES.chinese} ${NAMES.cyrillic}`,
      span: { block: 'p20', start, end: start + String(i).length },
    });
  }
  return story as Story;
}
