import { FieldMiddleware } from '@nestjs/graphql';
import { fromGlobalId, toGlobalId } from 'graphql-relay';

/**
 * Global object identification (Relay's spec): every object with an identity answers an `id`
 * that names its type and key (graphql-relay's encoding: base64 of `Type:key`), so a client's
 * normalised cache can key on it alone, and `node(id)` can find it again. Entities keep their
 * numeric ids inside Lectern and in HTTP addresses; only GraphQL shows the global form.
 */
export function globalIdOf(type: string, key: string | number): string {
  return toGlobalId(type, String(key));
}

/** The type and key a global id names, or undefined for anything that is not one. */
export function readGlobalId(value: string): { type: string; key: string } | undefined {
  if (!/^[A-Za-z0-9+/]+=*$/.test(value)) return undefined;
  const { type, id } = fromGlobalId(value);
  return /^[A-Z][A-Za-z]*$/.test(type) && id !== '' ? { type, key: id } : undefined;
}

/** On an `id` field: answers the entity's own id as the global id of the type that holds it. */
export const asGlobalId: FieldMiddleware = async ({ info }, next) => {
  const id = (await next()) as string | number | null | undefined;
  return id == null ? id : globalIdOf(info.parentType.name, id);
};
