// Field checks that are also the types: a guard is written once, and `Infer<typeof guard>` is the type it accepts.
// The message protocol (core/messages.ts) describes every message this way, so its types and its checks cannot drift
// apart. Small on purpose: the content script carries it, and it needs nothing a schema library would add.

/** A check of an unknown value that, when it passes, tells TypeScript what the value is. */
export type Guard<T> = (value: unknown) => value is T;

/** The type a guard accepts. */
export type Infer<G> = G extends Guard<infer T> ? T : never;

/** Marks a field of `shape` that may be left out (or be `undefined`). */
export interface OptionalGuard<T> extends Guard<T | undefined> {
  readonly optional: true;
}

type Fields = Record<string, Guard<unknown>>;
type OptionalKeys<F extends Fields> = { [K in keyof F]: F[K] extends OptionalGuard<unknown> ? K : never }[keyof F];
type Simplify<T> = { [K in keyof T]: T[K] } & {};
/** The object a `shape` accepts: its optional guards become optional properties. */
export type ShapeOf<F extends Fields> = Simplify<
  { [K in Exclude<keyof F, OptionalKeys<F>>]: Infer<F[K]> } & {
    [K in OptionalKeys<F>]?: F[K] extends OptionalGuard<infer T> ? T : never;
  }
>;

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isString: Guard<string> = (value): value is string => typeof value === 'string';
export const isBoolean: Guard<boolean> = (value): value is boolean => typeof value === 'boolean';

/** Any of the given literal values. */
export function oneOf<const T extends readonly (string | number)[]>(...values: T): Guard<T[number]> {
  return (value): value is T[number] => values.includes(value as T[number]);
}

export function optional<T>(check: Guard<T>): OptionalGuard<T> {
  const guard = ((value: unknown) => value === undefined || check(value)) as OptionalGuard<T>;
  return Object.assign(guard, { optional: true as const });
}

/** An array of at most `max` items, each passing `item`. */
export function arrayOf<T>(item: Guard<T>, max = Infinity): Guard<T[]> {
  return (value): value is T[] => Array.isArray(value) && value.length <= max && value.every((v) => item(v));
}

/** An object with these fields (others are allowed and ignored). */
export function shape<F extends Fields>(fields: F): Guard<ShapeOf<F>> {
  const entries = Object.entries(fields);
  return (value): value is ShapeOf<F> => isRecord(value) && entries.every(([key, check]) => check(value[key]));
}

/** An object that passes both guards: a shape that extends another. */
export function both<A, B>(a: Guard<A>, b: Guard<B>): Guard<Simplify<A & B>> {
  return (value): value is Simplify<A & B> => a(value) && b(value);
}

/** A message with no fields (beyond its type): any object passes. */
export const isEmpty: Guard<Record<never, never>> = (value): value is Record<never, never> => isRecord(value);

/** The answer of a message that wants none: the receiver sends nothing back. */
export const noAnswer: Guard<void> = (value): value is void => value === undefined;
