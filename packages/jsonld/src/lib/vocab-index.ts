/** The compact form of the schema.org vocabulary that `checkJsonLd` checks against. */
export interface VocabIndex {
  /** The schema.org release the index was derived from. */
  readonly release: string;
  /** Every class by its local name (`NewsArticle`), with its direct superclasses. */
  readonly classes: Record<string, VocabClass>;
  /** Every property by its local name (`headline`), with where it is expected and what it takes. */
  readonly properties: Record<string, VocabProperty>;
  /** Every enumeration member by its local name (`Monday`), with the enumerations it belongs to. */
  readonly members: Record<string, readonly string[]>;
}

/** A schema.org class. */
export interface VocabClass {
  /** The direct superclasses (`rdfs:subClassOf`). */
  readonly superclasses: readonly string[];
  /** Whether the class is a data type (`Text`, `Number`, `Date`, …). */
  readonly dataType?: true;
  /** Whether the class is in the pending area (not yet part of the core vocabulary). */
  readonly pending?: true;
  /** The terms that replace it, when it is superseded. */
  readonly supersededBy?: readonly string[];
}

/** A schema.org property. */
export interface VocabProperty {
  /** The classes the property is expected on (`schema:domainIncludes`). */
  readonly domain: readonly string[];
  /** The classes and data types its values are expected to be (`schema:rangeIncludes`). */
  readonly range: readonly string[];
  /** Whether the property is in the pending area. */
  readonly pending?: true;
  /** The terms that replace it, when it is superseded. */
  readonly supersededBy?: readonly string[];
}
