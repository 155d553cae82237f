/**
 * Sources: the people, organisations and unnamed sources the article quotes or names, with roles
 * and affiliations read from titles ("Mayor Lena Ortiz"), appositions ("Aaron Stein, an analyst at
 * the Atlantic Council") and possessives ("CNN’s Tapper"). Later mentions by surname or with a
 * courtesy title ("Kerry", "Mr. Kerry") merge into the first full name.
 */
import type { Source } from '@storykit/core';
import { nominalPhrase, tagPhrase } from '../language.js';
import {
  ANONYMOUS_DETERMINERS,
  ANONYMOUS_HEADS,
  CALENDAR_WORDS,
  COURTESY_TITLES,
  GROUP_HEADS,
  NOT_NAMES,
  ORGANIZATION_REFERENCES,
  ORGANIZATION_WORDS,
  PERSON_REFERENCE_HEADS,
  PLACES,
  PRONOUNS,
  PUBLICATION_WORDS,
  ROLE_TITLES,
  ROLE_WORDS,
  TITLE_MODIFIERS,
} from '../lexicon.js';
import { wordsBefore } from '../name-index.js';

/** What a phrase naming a speaker turns out to be. */
export type SpeakerPhrase =
  | { readonly type: 'pronoun'; readonly word: string }
  | { readonly type: 'reference'; readonly words: string }
  /** A description standing for a person named before ("the Ohio Republican", "the host"). */
  | { readonly type: 'described'; readonly words: string; readonly head: string }
  | {
      readonly type: 'person';
      readonly name: string;
      readonly role?: string;
      readonly organization?: string;
    }
  | { readonly type: 'organization'; readonly name: string }
  | { readonly type: 'anonymous'; readonly description: string };

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (words: readonly string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');

/** One capitalised word of a name ("Kerry", "O’Neil", "Jean-Luc", "J."). */
const TOKEN = String.raw`[\p{Lu}][\p{L}’'\-]*\.?`;
const PARTICLE = String.raw`(?:de|da|van|von|bin|ibn|al|del|la|le|du)`;
/** A capitalised phrase: a name, or an organisation's name with its small words ("of", "the"). */
const NAME = String.raw`${TOKEN}(?:\s+(?:${TOKEN}|${PARTICLE}))*`;
const ORG_NAME = String.raw`(?:[Tt]he\s+)?${TOKEN}(?:\s+(?:${TOKEN}|\d+|of|for|the|and|on|&))*(?:\s+\([\p{Lu}]+\))?`;
const TITLES = `(?:(?:${alternation(TITLE_MODIFIERS)})\\s+)*(?:${alternation(ROLE_TITLES)})`;
const COURTESY = alternation(COURTESY_TITLES);
// Built once: parseSpeaker runs for every candidate phrase of every quotation.
const POSSESSIVE = new RegExp(`^(${ORG_NAME})[’']s\\s+(.+)$`, 'u');
const TITLED = new RegExp(`^(${TITLES})\\s+(${NAME})$`, 'u');
const NAMED = new RegExp(`^(?:(?:${COURTESY})\\s+)?(${NAME})$`, 'u');
const COURTESY_PREFIX = new RegExp(`^(?:${COURTESY})\\s+`);
const AT_ORGANIZATION = new RegExp(`^(.*?)\\s+(?:at|of|for|with)\\s+(${ORG_NAME})$`, 'u');
const ANONYMOUS = new RegExp(
  String.raw`^(?:${ANONYMOUS_DETERMINERS})\s+(?:of\s+(?:the|those|these|his|her|their|its|our)\s+)?(?:[\p{Ll}\p{Lu}\p{N}][\p{L}\p{N}’'\-]*\s+){0,3}?(?:${ANONYMOUS_HEADS.join('|')})\b(?:(?!\b(?:said|told|says|tells)\b|(?<!\b(?:who|that|which)\s)\b(?:was|is|were|are)\b)[^,.;:“”"])*`,
  'iu',
);

/** Whether a capitalised phrase names an organisation rather than a person. */
export function looksLikeOrganization(name: string): boolean {
  const words = name
    .replace(/\([^)]*\)/g, '')
    .split(/\s+/)
    .map((w) => w.replace(/[’']s$/, '').toLowerCase());
  if (words.some((w) => ORGANIZATION_WORDS.has(w.replace(/\.$/, '')))) return true;
  // An acronym ("ICSR", "NATO") or a name with "of"/"for" inside is an organisation.
  return /^[\p{Lu}]{2,}$/u.test(name) || /\s(of|for|and)\s/.test(name);
}

/** The phrase without a leading "the", trimmed of punctuation at either end. */
function clean(name: string): string {
  return name
    .trim()
    .replace(/^[,;:\s]+|[,;:\s]+$/g, '')
    .replace(/^the\s+/, '');
}

/** Small words that open a paragraph in capitals ("AS Opposition Leader …"). */
const CAPITAL_OPENERS = new Set(
  'AS IN ON AT BY THE AND BUT WHEN WHILE FOR WITH AFTER BEFORE SO IF THEN NOW'.split(' '),
);

const TITLE_WORDS = new Set([...ROLE_WORDS, ...COURTESY_TITLES]);

/**
 * Whether a capitalised phrase can be a speaker's name: not only titles ("Rep."), not a place
 * ("Kentucky", "WASHINGTON"), a month or a day, and — by the language layer — not an adverb,
 * preposition or conjunction ("However", "During", "Shortly").
 */
export function plausibleName(name: string): boolean {
  const words = name.split(/\s+/);
  if (words.every((w) => TITLE_WORDS.has(w) || TITLE_WORDS.has(`${w}.`))) return false;
  const lower = name.toLowerCase().replace(/[’']s$/, '');
  if (PLACES.has(lower) || CALENDAR_WORDS.has(lower)) return false;
  if (NOT_NAMES.has(words[0] as string)) return false;
  return nominalPhrase(name);
}

/**
 * Whether the first `count` words of a phrase can be a role by the language layer: no verb or
 * auxiliary among them ("Carl Fenn endorsed" is not one). `true` when the layer is not loaded.
 */
function roleWords(text: string, count: number): boolean {
  const tagged = tagPhrase(text);
  if (!tagged) return true;
  const words = tagged.filter((w) => w.pos !== 'PUNCT');
  // The tokeniser splits "Obama's" and "G.K." differently from white space: when the counts
  // disagree, read the whole phrase before the name.
  const role = words.length === text.split(/\s+/).length ? words.slice(0, count) : words;
  return !role.some((w) => w.pos === 'VERB' || w.pos === 'AUX');
}

/**
 * A role written before a name, split from it at the last role word: "former Obama adviser David
 * Axelrod" → role "former Obama adviser", name "David Axelrod"; "Homeland Security Secretary Jeh
 * Johnson" → "Homeland Security Secretary", "Jeh Johnson".
 */
function roleBeforeName(text: string): { role: string; name: string } | undefined {
  const words = text.split(/\s+/);
  let at = words.length;
  while (at > 0) {
    const word = words[at - 1] as string;
    if (!/^\p{Lu}/u.test(word) || ROLE_WORDS.has(word)) break;
    at--;
  }
  const name = words.slice(at);
  if (at === 0 || name.length === 0 || name.length > 4) return undefined;
  // "one which Boston University historian John Baick": the role starts after the relative word.
  const all = words.slice(0, at);
  const relative = all.findLastIndex((w) => /^(?:which|whom|whose|one)$/i.test(w));
  const role = all.slice(relative + 1);
  if (role.length === 0) return undefined;
  const last = role.at(-1) as string;
  // "the Ohio Republican": a determiner is no role; the phrase describes someone.
  if (/^(?:the|a|an|and|or|but|of|by|with|to)$/i.test(last)) return undefined;
  if (!ROLE_WORDS.has(last) && !/^\p{Ll}[\p{Ll}-]+$/u.test(last)) return undefined;
  // A lower-case word before a lone capitalised word is a noun phrase, not a title and a name.
  if (!ROLE_WORDS.has(last) && name.length < 2) return undefined;
  if (role.some((w) => /^(?:said|says|told|and|or|but|that|who)$/i.test(w))) return undefined;
  // "Carl Fenn endorsed Ben Vance": a verb before the name makes a clause, not a role.
  if (!roleWords(text, at)) return undefined;
  return { role: role.join(' ').replace(/^(?:the|a|an)\s+/i, ''), name: name.join(' ') };
}

/**
 * Reads a phrase that names a speaker: a pronoun, an unnamed source ("the official", "two people
 * familiar with the talks"), an organisation ("Iraqi forces", "the ministry") or a person with an
 * optional title and possessive ("US Secretary of State John Kerry", "CNN’s Tapper", "Mr. Stein").
 */
export function parseSpeaker(phrase: string): SpeakerPhrase | undefined {
  const text = phrase
    .trim()
    .replace(/^[,;:\s]+|[,;:\s]+$/g, '')
    // "Rep. G.K. Butterfield (D-N.C.)": the party and state say nothing of who speaks.
    .replace(/\s*\((?:[A-Z]-[^)]{1,20}|[DRI])\)$/u, '')
    // "AS Opposition Leader Bill Shorten", "WASHINGTON Sen. …": a small word or a place in
    // capitals opens the paragraph; it is not part of the name.
    .replace(/^(\p{Lu}{2,})\s+(?=\p{Lu}\p{Ll})/u, (word: string, caps: string) =>
      CAPITAL_OPENERS.has(caps) || (caps.length > 3 && PLACES.has(caps.toLowerCase())) ? '' : word,
    );
  // "who", "which": a relative pronoun stands for a speaker named before it, and names nobody.
  if (!text || /^(?:who|which|that|whom)$/.test(text)) return undefined;
  const first = text.split(/\s+/)[0]?.toLowerCase() ?? '';
  if (PRONOUNS.has(first) && text.split(/\s+/).length === 1)
    return { type: 'pronoun', word: first };
  if (ORGANIZATION_REFERENCES.test(text)) return { type: 'reference', words: text };
  const anonymous = ANONYMOUS.exec(text);
  if (
    anonymous &&
    /^(the|an?|one|two|three|four|five|several|some|many|other|another|senior|most)\b/i.test(text)
  ) {
    // "the ministry", "the company": an organisation named by its kind, not an unnamed person.
    if (
      !/^(the|a|an)\s+[\p{Ll}]+$/u.test(text) ||
      !ORGANIZATION_WORDS.has(text.split(/\s+/)[1] ?? '')
    ) {
      return { type: 'anonymous', description: anonymous[0].trim() };
    }
  }
  // "the company's data", "Gallup's survey": the owner of a document speaks through it.
  const document =
    /^(.+?)[’']s\s+(?:new\s+|latest\s+|own\s+)?(?:data|report|statement|release|figures|study|survey|poll|analysis|filing|records|documents|website|campaign)$/u.exec(
      text,
    );
  if (document) return parseSpeaker(document[1] as string);
  // "Officials", "Senate Republicans", "Polls": a group named by its plural, without a determiner.
  const group = /^(?:[\p{L}.’'-]+\s+){0,2}([\p{L}]+)$/u.exec(text);
  if (
    group &&
    GROUP_HEADS.has((group[1] as string).toLowerCase()) &&
    !/\b(?:said|says|told)\b/.test(text)
  )
    return { type: 'anonymous', description: text };
  const described = /^(?:the|The)\s+(?:[\p{L}.’'-]+\s+){0,4}?([\p{L}-]+)$/u.exec(text);
  if (described && PERSON_REFERENCE_HEADS.has((described[1] as string).toLowerCase()))
    return { type: 'described', words: text, head: (described[1] as string).toLowerCase() };
  const possessive = POSSESSIVE.exec(text);
  const organization = possessive ? clean(possessive[1] as string) : undefined;
  const rest = possessive ? (possessive[2] as string) : text;
  const titled = TITLED.exec(rest);
  if (titled) {
    return {
      type: 'person',
      name: stripCourtesy(titled[2] as string),
      role: (titled[1] as string).trim(),
      ...(organization ? { organization } : {}),
    };
  }
  const split = roleBeforeName(rest);
  if (split && plausibleName(split.name) && !looksLikeOrganization(split.name)) {
    return {
      type: 'person',
      name: stripCourtesy(split.name),
      role: split.role,
      ...(organization ? { organization } : {}),
    };
  }
  const named = NAMED.exec(rest);
  if (named) {
    const name = named[1] as string;
    // "The Ledger", "The Christian Science Monitor": a capitalised "The" opens a title.
    // "The Port Authority" is the Port Authority; "The Ledger", "The Washington Post" keep it.
    if (/^The\s+\p{Lu}/u.test(name) && !possessive) {
      const last = name.split(/\s+/).at(-1)?.toLowerCase() ?? '';
      const body = looksLikeOrganization(name) && !PUBLICATION_WORDS.has(last);
      return { type: 'organization', name: body ? name.replace(/^The\s+/u, '') : name };
    }
    if (NOT_NAMES.has(name.split(/\s+/)[0] as string) && !/^(?:Mr|Ms|Mrs|Dr)\.?\s/.test(rest))
      return undefined;
    if (PLACES.has(name.toLowerCase())) return undefined;
    if (looksLikeOrganization(name)) return { type: 'organization', name: clean(name) };
    if (!plausibleName(name) && !/^(?:Mr|Ms|Mrs|Dr)\.?\s/.test(rest)) return undefined;
    return { type: 'person', name, ...(organization ? { organization } : {}) };
  }
  // "Iraqi forces", "the ministry", "the Atlantic Council": an organisation by its kind, named by
  // its last word.
  const org = /^(?:the\s+)?((?:[\p{Lu}][\p{L}-]*\s+)*([\p{L}-]+))$/u.exec(text);
  if (org && ORGANIZATION_WORDS.has((org[2] as string).toLowerCase()))
    return { type: 'organization', name: clean(org[1] as string) };
  return undefined;
}

function stripCourtesy(name: string): string {
  return name.replace(COURTESY_PREFIX, '');
}

/** An id from a name: lowercase letters, digits and dashes. */
export function slug(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return base || 'source';
}

/** The last word of a person's name, which later mentions use alone ("Kerry"). */
export function surname(name: string): string {
  const words = name.split(/\s+/).filter((w) => !/^(Jr\.?|Sr\.?|II|III)$/.test(w));
  return words.at(-1) ?? name;
}

/**
 * What an organisation is found by: its name in lower case, the same without a bracket at its end
 * ("Islamic State (ISIL)"), and the acronym in that bracket.
 */
function organizationKeys(name: string): string[] {
  const own = name.toLowerCase();
  const acronym = /\(([\p{Lu}]+)\)/u.exec(name)?.[1]?.toLowerCase();
  return [own, own.replace(/\s*\([^)]*\)$/, ''), ...(acronym === undefined ? [] : [acronym])];
}

function addIndex(map: Map<string, Set<number>>, key: string, index: number): void {
  const places = map.get(key);
  if (places) places.add(index);
  else map.set(key, new Set([index]));
}

function removeIndex(map: Map<string, Set<number>>, key: string, index: number): void {
  map.get(key)?.delete(index);
}

/**
 * The sources found so far, merged by name: a person by surname ("Kerry" is "John Kerry"), an
 * organisation by its name without "the", an unnamed source by its description.
 */
export class SourceRegistry {
  readonly sources: Source[] = [];
  private readonly confidence = new Map<string, number>();
  /** How many people have each surname: kept as sources come and change. */
  private readonly surnames = new Map<string, number>();
  /**
   * Where each source is, by what it is looked up by: its id (so its keys are the ids in use); a
   * person's name and surname; an organisation's name, name without a bracket and acronym, in
   * lower case; an unnamed source's description in lower case. Kept as sources come and change, so that a lookup does not walk
   * every source (it did for each speaker found: a tenth of a 1 MB extraction).
   */
  private readonly at = new Map<string, number>();
  private readonly people = new Map<string, Set<number>>();
  private readonly bySurname = new Map<string, Set<number>>();
  private readonly organizations = new Map<string, Set<number>>();
  private readonly descriptions = new Map<string, Set<number>>();

  private unique(base: string): string {
    let id = slug(base);
    for (let n = 2; this.at.has(id); n++) id = `${slug(base)}-${n}`;
    return id;
  }

  private count(source: Source, index: number, by: 1 | -1) {
    const file = by === 1 ? addIndex : removeIndex;
    if (by === 1) this.at.set(source.id, index);
    else this.at.delete(source.id);
    if (source.kind === 'organization') {
      for (const key of organizationKeys(source.name)) file(this.organizations, key, index);
      return;
    }
    if (source.kind === 'anonymous') {
      file(this.descriptions, source.name.toLowerCase(), index);
      return;
    }
    const last = surname(source.name);
    this.surnames.set(last, (this.surnames.get(last) ?? 0) + by);
    file(this.people, source.name, index);
    file(this.bySurname, last, index);
  }

  private append(source: Source) {
    this.sources.push(source);
    this.count(source, this.sources.length - 1, 1);
  }

  private set(index: number, source: Source) {
    const old = this.sources[index];
    if (old) this.count(old, index, -1);
    this.sources[index] = source;
    this.count(source, index, 1);
  }

  /** The first source (in the order they were found) of a set of places, if any. */
  private first(places: ReadonlySet<number> | undefined): Source | undefined {
    if (!places || places.size === 0) return undefined;
    return this.sources[Math.min(...places)];
  }

  /** How many people of the registry have this surname (the last word of the name). */
  peopleWithSurname(last: string): number {
    return this.surnames.get(last) ?? 0;
  }

  /** The person with this name or surname, if known. */
  findPerson(name: string): Source | undefined {
    const plain = stripCourtesy(name.trim());
    const exact = this.first(this.people.get(plain));
    if (exact) return exact;
    const matches = this.bySurname.get(surname(plain));
    // Two different people with one surname: only a full name tells them apart.
    return matches?.size === 1 ? this.first(matches) : undefined;
  }

  /** The organisation with this name (ignoring "the" and a trailing acronym), if known. */
  findOrganization(name: string): Source | undefined {
    return this.first(this.organizations.get(clean(name).toLowerCase()));
  }

  /** Adds or finds an organisation; returns its id. */
  organization(name: string, confidence = 0.7): string {
    const found = this.findOrganization(name);
    if (found) return found.id;
    const cleaned = clean(name);
    const id = this.unique(cleaned);
    this.append({ id, kind: 'organization', name: cleaned, sameAs: [] });
    this.confidence.set(id, confidence);
    return id;
  }

  /** Adds or finds a person, filling in a longer name, a role or an affiliation learnt later. */
  person(
    name: string,
    details: { role?: string; organization?: string } = {},
    confidence = 0.7,
  ): string {
    const affiliation = details.organization ? this.organization(details.organization) : undefined;
    const plainName = stripCourtesy(name);
    let found = this.findPerson(name);
    // "Luis Ortiz" is not "Ana Ortiz": two full names that differ are two people.
    if (found && /\s/.test(found.name) && /\s/.test(plainName) && found.name !== plainName)
      found = undefined;
    if (found) {
      const index = this.at.get(found.id) as number;
      const longer =
        name.split(/\s+/).length > found.name.split(/\s+/).length
          ? stripCourtesy(name)
          : found.name;
      this.set(index, {
        ...found,
        name: longer,
        ...(found.role === undefined && details.role ? { role: details.role } : {}),
        ...(found.affiliation === undefined && affiliation ? { affiliation } : {}),
      });
      this.confidence.set(found.id, Math.max(this.confidence.get(found.id) ?? 0, confidence));
      return found.id;
    }
    const plain = stripCourtesy(name);
    const id = this.unique(plain);
    this.append({
      id,
      kind: 'person',
      name: plain,
      ...(details.role ? { role: details.role } : {}),
      ...(affiliation ? { affiliation } : {}),
      sameAs: [],
    });
    this.confidence.set(id, confidence);
    return id;
  }

  /** Adds or finds an unnamed source by its description. */
  anonymous(description: string, confidence = 0.6): string {
    const text = description.trim();
    const found = this.first(this.descriptions.get(text.toLowerCase()));
    if (found) return found.id;
    const id = this.unique(text.replace(/^(the|an?)\s+/i, ''));
    this.append({ id, kind: 'anonymous', name: text, sameAs: [] });
    this.confidence.set(id, confidence);
    return id;
  }

  /** Adds what a parsed speaker phrase names; pronouns are not sources and give `undefined`. */
  add(phrase: SpeakerPhrase, confidence = 0.7): string | undefined {
    switch (phrase.type) {
      case 'person':
        return this.person(
          phrase.name,
          {
            ...(phrase.role ? { role: phrase.role } : {}),
            ...(phrase.organization ? { organization: phrase.organization } : {}),
          },
          confidence,
        );
      case 'organization':
        return this.organization(phrase.name, confidence);
      case 'anonymous':
        return this.anonymous(phrase.description, confidence);
      default:
        return undefined;
    }
  }

  /** Sets a role and affiliation read from an apposition, when the source has none yet. */
  describe(id: string, role: string, organization?: string): void {
    const index = this.at.get(id);
    const source = index === undefined ? undefined : this.sources[index];
    if (index === undefined || !source) return;
    const affiliation = organization ? this.organization(organization) : undefined;
    this.set(index, {
      ...source,
      ...(source.role === undefined ? { role } : {}),
      ...(source.affiliation === undefined && affiliation && affiliation !== id
        ? { affiliation }
        : {}),
    });
  }

  /**
   * Gives a person known by one name the full name the text writes elsewhere: "Tapper" is "Jake
   * Tapper" when the article says "an interview with Jake Tapper".
   */
  completeNames(texts: readonly string[]): void {
    const titles = new Set([...ROLE_TITLES, ...COURTESY_TITLES].flatMap((t) => t.split(/\s+/)));
    const single = (source: Source) => source.kind === 'person' && !/\s/.test(source.name);
    // The word before each name in every block, found in one pass over the text.
    const before = wordsBefore(
      texts,
      this.sources.filter(single).map((s) => s.name),
    );
    this.sources.forEach((source, index) => {
      if (!single(source)) return;
      for (const { word: given } of before.get(source.name) ?? []) {
        if (NOT_NAMES.has(given) || titles.has(given) || /[’']s$/.test(given)) continue;
        if (looksLikeOrganization(given)) continue;
        this.set(index, { ...source, name: `${given} ${source.name}` });
        return;
      }
    });
  }

  /** The sources with their confidence, in the order they were first found. */
  withConfidence(): Source[] {
    return this.sources.map((s) => ({ ...s, confidence: this.confidence.get(s.id) ?? 0.5 }));
  }
}

/**
 * Reads an apposition after a name ("deputy director of the ICSR at King’s College London", "an
 * analyst at the Atlantic Council") as a role and, when it names one, an organisation.
 */
export function parseApposition(text: string): { role: string; organization?: string } | undefined {
  // "an epidemiologist at the University of Vellmark who was not involved in the study": the
  // relative clause says something else.
  const phrase = text
    .trim()
    .replace(/\s+(?:who|which|that|whose)\s.*$/, '')
    .replace(/^(an?|the)\s+/i, '');
  if (!/^[\p{Ll}]/u.test(phrase) || phrase.split(/\s+/).length > 20) return undefined;
  const at = AT_ORGANIZATION.exec(phrase);
  if (at) {
    const organization = clean(at[2] as string);
    if (/^[\p{Lu}]/u.test(organization)) {
      // "deputy director of the International Center … at King’s College London": the role keeps
      // everything but the last organisation, which is the affiliation.
      return { role: (at[1] as string).trim(), organization };
    }
  }
  return { role: phrase };
}

/**
 * Words between a speaker and the verb that are not the speaker: "that on June 26", "Sunday",
 * and an auxiliary ("Ana Ortiz has said", "he would later tell").
 */
const TRAILING =
  /(?:\s+(?:that|who|which|also|later|earlier|then|recently|again|once|previously|yesterday|today|has|have|had|would|will|repeatedly|often|(?:on|last|this)\s+\p{Lu}\p{Ll}+day|\p{Lu}\p{Ll}+day|on\s+\p{Lu}\p{Ll}+\s+\d{1,2}|in\s+(?:a|an)\s+\w+))+\s*$/u;

/** The longest end of `words` that reads as a speaker ("… and President Obama" → "President Obama"). */
export function speakerAtEnd(text: string): { phrase: SpeakerPhrase; words: string } | undefined {
  const words = text.replace(TRAILING, '').trim().split(/\s+/);
  // "… discussed Lee’s planned visit": the owner of the noun the verb is read from, not a subject.
  if (/[’']s$/u.test(words.at(-1) ?? '')) return undefined;
  for (let take = Math.min(words.length, 10); take >= 1; take--) {
    const candidate = words.slice(-take).join(' ');
    const phrase = parseSpeaker(candidate);
    if (phrase) return { phrase, words: candidate };
  }
  return undefined;
}

/** Where a phrase ends: a comma, colon, quotation mark, or a full stop that is not an abbreviation's. */
const PHRASE_END =
  /[,;:“”"(]|(?<!\b(?:Mr|Ms|Mrs|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|St|Jr|Sr|\p{Lu}))\.(?=\s|$)/u;

/** The speaker phrase at the start of `text` ("Mr. Kerry, in an interview …" → "Mr. Kerry"). */
export function speakerAtStart(text: string): { phrase: SpeakerPhrase; words: string } | undefined {
  const cut = PHRASE_END.exec(text);
  const head = cut ? text.slice(0, cut.index) : text;
  const words = head.trim().split(/\s+/);
  for (let take = Math.min(words.length, 12); take >= 1; take--) {
    const candidate = words.slice(0, take).join(' ');
    const phrase = parseSpeaker(candidate);
    if (phrase) return { phrase, words: candidate };
  }
  return undefined;
}

export { NAME, ORG_NAME, TITLES };
