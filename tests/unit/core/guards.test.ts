import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  arrayOf,
  both,
  isBoolean,
  isEmpty,
  isString,
  noAnswer,
  oneOf,
  optional,
  shape,
  type Infer,
} from '../../../core/guards';
import type { MessageOf, PageTerms, StepAnswer, ToPage } from '../../../core/messages';

describe('guards that are also the types', () => {
  const isNote = shape({ title: isString, pinned: optional(isBoolean), tags: arrayOf(isString, 3) });

  it('accepts an object whose fields pass, with optional fields left out or undefined, and extra fields ignored', () => {
    expect(isNote({ title: 'a', tags: [] })).toBe(true);
    expect(isNote({ title: 'a', pinned: undefined, tags: ['x'] })).toBe(true);
    expect(isNote({ title: 'a', pinned: true, tags: ['x', 'y', 'z'], extra: 1 })).toBe(true);
  });

  it('refuses a missing required field, a wrong type, too many items and what is not an object', () => {
    for (const bad of [
      { tags: [] },
      { title: 1, tags: [] },
      { title: 'a', pinned: 'yes', tags: [] },
      { title: 'a', tags: ['1', '2', '3', '4'] },
      { title: 'a', tags: [1] },
      null,
      [],
      'a',
    ]) {
      expect(isNote(bad)).toBe(false);
    }
  });

  it('combines shapes and literals', () => {
    const isPinnedNote = both(isNote, shape({ side: oneOf('left', 'right') }));
    expect(isPinnedNote({ title: 'a', tags: [], side: 'left' })).toBe(true);
    expect(isPinnedNote({ title: 'a', tags: [], side: 'up' })).toBe(false);
    expect(isPinnedNote({ side: 'left' })).toBe(false);
    expect(isEmpty({})).toBe(true);
    expect(isEmpty(null)).toBe(false);
    expect(noAnswer(undefined)).toBe(true);
    expect(noAnswer({})).toBe(false);
  });

  it('infers the type from the guard: optional guards are optional properties', () => {
    expectTypeOf<Infer<typeof isNote>>().toEqualTypeOf<{
      title: string;
      pinned?: boolean | undefined;
      tags: string[];
    }>();
  });

  it('gives the message protocol the types its checks accept', () => {
    expectTypeOf<PageTerms>().toEqualTypeOf<{
      host: string;
      active: boolean;
      counts: Record<string, number>;
      pdf?: boolean | undefined;
    }>();
    expectTypeOf<StepAnswer['position']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<MessageOf<ToPage, 'rls-lens:step'>['direction']>().toEqualTypeOf<1 | -1>();
    expectTypeOf<ToPage['rls-lens:page-terms']['answer']>().toEqualTypeOf<PageTerms>();
  });
});
