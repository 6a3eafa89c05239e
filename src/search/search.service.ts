import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { SearchIndex, searchEngineOf } from './search-engines';
import { indexSessions, indexSpeakers, rebuildSearchIndexes, sessionsOfSpeakers } from './search-index';
import { queryTokens } from './search-terms';

/**
 * Full-text search of sessions and speakers through the engine's own index (SQLite FTS5,
 * PostgreSQL tsvector + GIN). Every word of a search must start a word of the document (prefix
 * match; inside names, any part of a word counts), folded like `searchable`. The index only
 * narrows: who may see what stays with the query it narrows. Writers call the index methods in
 * the same transaction as their change.
 */
@Injectable()
export class SearchService {
  constructor(private readonly dataSource: DataSource) {}

  /** Narrows `query` to the rows of `index` matching `text`; blank text leaves it as it is. */
  restrict<T extends ObjectLiteral>(
    query: SelectQueryBuilder<T>,
    index: SearchIndex,
    idColumn: string,
    text: string | null | undefined,
  ): void {
    const tokens = queryTokens(text);
    if (tokens === null) return;
    // A text of punctuation only has no word that anything could contain.
    if (tokens.length === 0) {
      query.andWhere('1 = 0');
      return;
    }
    this.restrictToWords(query, index, idColumn, tokens);
  }

  /** Narrows a query to rows whose document every one of these search words starts a word of. */
  restrictToWords<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, index: SearchIndex, idColumn: string, words: string[]): void {
    const { sql, parameters } = searchEngineOf(this.dataSource.manager).matching(index, idColumn, words);
    query.andWhere(sql, parameters);
  }

  /** After a session's texts or line-up changed (or it was created). */
  indexSessions(manager: EntityManager, sessionIds: number[]): Promise<void> {
    return indexSessions(manager, sessionIds);
  }

  /** After a person's names changed (or they were created): their sessions show those names too. */
  indexSpeakers(manager: EntityManager, speakerIds: number[]): Promise<void> {
    return indexSpeakers(manager, speakerIds);
  }

  forgetSessions(manager: EntityManager, sessionIds: number[]): Promise<void> {
    return searchEngineOf(manager).remove(manager, 'sessions', sessionIds);
  }

  /** The sessions a person appears in: read before deleting them, for `speakerRemoved`. */
  sessionsOfSpeaker(manager: EntityManager, speakerId: number): Promise<number[]> {
    return sessionsOfSpeakers(manager, [speakerId]);
  }

  /** After a person was deleted: out of the index, and their name out of the sessions they were in. */
  async speakerRemoved(manager: EntityManager, speakerId: number, formerSessionIds: number[]): Promise<void> {
    await searchEngineOf(manager).remove(manager, 'speakers', [speakerId]);
    await indexSessions(manager, formerSessionIds);
  }

  /** Both indexes from scratch, for rows written without the services (a bulk load). */
  rebuild(manager: EntityManager = this.dataSource.manager): Promise<void> {
    return rebuildSearchIndexes(manager);
  }
}
