import { searchable } from '../common/localisation';

/** Longer words are cut to this length on both sides, so a long word still finds itself by prefix. */
const MAX_TOKEN_LENGTH = 64;
/** A search of more words narrows by its first ones only, as the LIKE search did. */
export const MAX_QUERY_TOKENS = 10;
/** Parts of names shorter than this are not indexed on their own (they would match nearly everyone). */
const MIN_NAME_PART = 2;

/**
 * The words of a text as both indexes store and look them up: folded like `searchable`
 * (lower case, no accents), split at anything that is not a letter or a digit. The split is made
 * here rather than by the engine so SQLite and PostgreSQL see exactly the same words.
 */
export function searchTokens(...parts: Parameters<typeof searchable>): string[] {
  return searchable(...parts)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token !== '')
    .map((token) => token.slice(0, MAX_TOKEN_LENGTH));
}

/**
 * A name's words and every inner part of them ("eirik" also as "irik", "rik", "ik"): looked up by
 * prefix, these find a name by any part of it, as people search for names.
 */
export function nameTokens(text: string): string[] {
  return searchTokens(text).flatMap((token) => {
    const parts = [token];
    for (let start = 1; token.length - start >= MIN_NAME_PART; start++) parts.push(token.slice(start));
    return parts;
  });
}

/** The same words once each, in first-seen order. */
export function distinct(tokens: string[]): string[] {
  return [...new Set(tokens)];
}

/**
 * What a search asks for: null when there is nothing to narrow by (no text, or only blanks), an
 * empty list when the text has no word at all (only punctuation: nothing can match it), otherwise
 * the words each result must contain at the start of one of its words.
 */
export function queryTokens(text: string | null | undefined): string[] | null {
  if (!text || text.trim() === '') return null;
  return distinct(searchTokens(text)).slice(0, MAX_QUERY_TOKENS);
}

/** A session's document: its title and abstract in every locale, and its speakers' names. */
export function sessionDocument(sessionText: string, speakerNames: string[]): string[] {
  return distinct([...searchTokens(sessionText), ...speakerNames.flatMap(nameTokens)]);
}

/** A speaker's document: the name and its other spellings. */
export function speakerDocument(speakerNames: string): string[] {
  return distinct(nameTokens(speakerNames));
}
