/**
 * The words that tell a person's gender near their name: a courtesy title before the surname
 * ("Mr. Tapper", "Ms. Ana Ruiz") and the first pronoun after a mention in the same sentence
 * ("Kerry said he …"). Each is the search of one regular expression over a paragraph with the
 * name written into it, read here with the parts made of Unicode classes compiled once and only
 * the name looked for by name: compiling such a pattern anew for every surname of a long text
 * was most of what the gender votes cost.
 */

/** "Mr", "Mrs" or "Ms", a full stop or none, and the white space after it. */
const TITLE = /\b(Mr|Mrs|Ms)\.?\s+/gu;
/** A capitalised word and the white space after it: a given name between title and surname. */
const MIDDLE = /\p{Lu}[\p{L}.’'-]*\s+/uy;
/** What a word character is to `\b` in a pattern without the `i` flag. */
const WORD = /[A-Za-z0-9_]/;

const word = (char: string | undefined) => char !== undefined && WORD.test(char);

/** Whether `text` holds `name` at `at`, with a word boundary after it. */
function nameAt(text: string, name: string, at: number): boolean {
  const end = at + name.length;
  return text.startsWith(name, at) && word(text[end - 1]) !== word(text[end]);
}

/**
 * The courtesy title of each mention of a surname with one, in reading order: the matches of
 * `/\b(Mr|Mrs|Ms)\.?\s+(?:\p{Lu}[\p{L}.’'-]*\s+)?SURNAME\b/gu`, where SURNAME is the surname as
 * written (it holds no white space). After a title, the given name and its white space can be
 * read only one way (none of their characters can begin the white space or the surname that
 * follows), so trying the given name first and then none is the pattern's own order.
 */
export function titlesBefore(text: string, surname: string): ('Mr' | 'Mrs' | 'Ms')[] {
  const titles: ('Mr' | 'Mrs' | 'Ms')[] = [];
  TITLE.lastIndex = 0;
  let found: RegExpExecArray | null = TITLE.exec(text);
  while (found) {
    const after = found.index + found[0].length;
    MIDDLE.lastIndex = after;
    const middle = MIDDLE.exec(text);
    const at =
      middle && nameAt(text, surname, after + middle[0].length)
        ? after + middle[0].length
        : nameAt(text, surname, after)
          ? after
          : -1;
    if (at >= 0) {
      titles.push(found[1] as 'Mr' | 'Mrs' | 'Ms');
      TITLE.lastIndex = at + surname.length;
    } else TITLE.lastIndex = found.index + 1;
    found = TITLE.exec(text);
  }
  return titles;
}

/** After a mention: words within the sentence, then the first pronoun of a person. */
const PRONOUN_AFTER = /[^.?!;“”"]{0,120}?\b(he|his|him|himself|she|her|hers|herself)\b/iuy;

/**
 * The first pronoun of a person after each mention, in reading order: the matches of
 * `/\bNAME\b[^.?!;“”"]{0,120}?\b(he|his|him|himself|she|her|hers|herself)\b/giu`, where
 * `mention` is `/\bNAME\b/giu` (NAME a literal, so a mention has one end).
 */
export function pronounsAfter(text: string, mention: RegExp): string[] {
  const pronouns: string[] = [];
  mention.lastIndex = 0;
  let found: RegExpExecArray | null = mention.exec(text);
  while (found) {
    PRONOUN_AFTER.lastIndex = found.index + found[0].length;
    const pronoun = PRONOUN_AFTER.exec(text);
    if (pronoun) {
      pronouns.push(pronoun[1] as string);
      mention.lastIndex = PRONOUN_AFTER.lastIndex;
    } else {
      // A failed try moves on by one character, as a search does (two code units past U+FFFF).
      mention.lastIndex = found.index + ((text.codePointAt(found.index) ?? 0) > 0xffff ? 2 : 1);
    }
    found = mention.exec(text);
  }
  return pronouns;
}
