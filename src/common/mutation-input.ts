import { ArgsOptions, Field, ID, InputType } from '@nestjs/graphql';
import { badInput } from './errors';

/**
 * Every mutation takes one argument, `input`, of a type named after it (`deleteSession(input:
 * DeleteSessionInput)`), with the id of what it changes inside. The arguments mutations took before
 * stay for one version, nullable and deprecated: `mutationInput` reads a request either way, and
 * `replacedArg` declares such an argument.
 */

/** The values of the arguments a mutation's `input` replaces, as the request sent them. */
export type ReplacedArgs<T> = { [K in keyof T]?: T[K] | null };

/** Given: neither left out (undefined) nor null. */
const given = (value: unknown) => value !== undefined && value !== null;

/**
 * A deprecated argument that `input.<field>` replaces: nullable (GraphQL deprecates only optional
 * arguments) and without a default value, so that a request that leaves it out can be told apart.
 */
export function replacedArg(field: string, options: Omit<ArgsOptions, 'nullable' | 'defaultValue'>): ArgsOptions {
  return { ...options, nullable: true, deprecationReason: `Give it in input: input.${field}.` };
}

/**
 * The `input` argument of a mutation that took other arguments before: nullable while they are
 * still accepted (a request in the old shape leaves `input` out); `mutationInput` requires it then.
 */
export function newInputArg(type: () => unknown, description: string): ArgsOptions {
  return { type, nullable: true, description: `${description} Required, unless the deprecated arguments are given.` };
}

/**
 * A mutation's input, read from the one shape the request gives it in: everything in `input`, or,
 * deprecated, in the arguments it replaces (`replaced`; for an update, `id` beside an `input` of
 * the changes). Refused with BAD_USER_INPUT, naming the field as `input.<field>`:
 * - a replaced argument sent beside an `input` that holds any of the replaced fields (a value given
 *   twice, or the two shapes mixed);
 * - a `required` field given neither way.
 * The rules of what the values may be stay in the services.
 */
export function mutationInput<T extends object, R extends keyof T>(
  input: T | null | undefined,
  replaced: ReplacedArgs<T>,
  required: readonly R[],
): T & { [K in R]-?: NonNullable<T[K]> } {
  const fields = Object.keys(replaced) as (keyof T & string)[];
  const sent = fields.filter((field) => given(replaced[field]));
  const inInput = fields.filter((field) => given(input?.[field]));
  if (sent.length > 0 && inInput.length > 0) {
    const twice = sent.find((name) => inInput.includes(name));
    if (twice) throw badInput(`input.${twice}`, `given twice, in input and as the deprecated argument "${twice}": give it in input only`);
    throw badInput(
      `input.${sent[0]}`,
      `give it in input with the rest: the argument "${sent[0]}" is deprecated, and the two shapes do not mix`,
    );
  }
  const merged = { ...(input ?? {}) } as T;
  for (const field of sent) merged[field] = replaced[field] as T[typeof field];
  for (const field of required) {
    if (!given(merged[field])) throw badInput(`input.${String(field)}`, 'required: give it in input');
  }
  return merged as T & { [K in R]-?: NonNullable<T[K]> };
}

/**
 * The input of a mutation that needs only the id of what it acts on:
 * `@InputType({ description: '…' }) export class DeleteSessionInput extends IdInput("The session's id.") {}`.
 */
export function IdInput(idDescription: string) {
  @InputType({ isAbstract: true })
  abstract class ByIdInput {
    @Field(() => ID, { description: idDescription })
    id: string;
  }
  return ByIdInput;
}

/** An update's changes: its input without the id of what it changes (which is no change). */
export type Changes<T extends { id?: unknown }> = Omit<T, 'id'>;
