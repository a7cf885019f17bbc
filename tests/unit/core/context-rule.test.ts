import { describe, expect, it } from 'vitest';
import glossary from 'virtual:rls-lens/glossary';
import { compileContextRule, PageContext, type ContextForm } from '../../../core/context-rule';
import { pageReader } from '../../harness/read-page';

const { lit, matcher, readPage, rule } = pageReader(glossary);

const formIndex = (text: string) => glossary.forms.findIndex((f) => f.text === text);

describe('acronyms', () => {
  it('stay dark on a page that defines them as something else', () => {
    expect(
      lit(['Row Level Security (RLS) restricts which rows a user sees.', 'Enable RLS on the orders table.']),
    ).toEqual([]);
    expect(lit(['RLS (row-level security) is a Postgres feature.', 'RLS policies apply per table.'])).toEqual([]);
    expect(
      lit(['Ask the clinical nurse specialist (CNS) on ward 4.', 'Tumours of the central nervous system are rare.']),
    ).toEqual(['central nervous system → central-nervous-system']);
  });

  it('light up once the page names what they stand for, even further down', () => {
    expect(lit(['My RLS kept me up again.', 'Restless legs syndrome runs in my family.'])).toEqual([
      'RLS → restless-legs-syndrome',
      'Restless legs syndrome → restless-legs-syndrome',
    ]);
  });

  it('stay dark on a page that never names their expansion', () => {
    expect(lit(['My RLS kept me up again.', 'Ask the CNS on ward 4.'])).toEqual([]);
  });

  it('take the article\'s own "Restless Legs Syndrome (RLS)" as their definition, not another one', () => {
    expect(lit(['Restless Legs Syndrome (RLS) is a neurological disorder.', 'RLS is common.'])).toEqual([
      'Restless Legs Syndrome → restless-legs-syndrome',
      'RLS → restless-legs-syndrome',
      'neurological disorder → neurological-disorder',
      'RLS → restless-legs-syndrome',
    ]);
    expect(lit(['People with secondary restless legs syndrome (RLS) often improve.'])).toEqual([
      'secondary restless legs syndrome → secondary-rls',
      'RLS → restless-legs-syndrome',
    ]);
  });

  it('go dark everywhere on the page once another meaning is defined, even after being lit', () => {
    const page = new PageContext(rule);
    const first = 'Restless legs syndrome (RLS) and RLS again.';
    const second = 'Our database uses Row-Level Security (RLS).';
    const rls = formIndex('RLS');
    expect(page.read(first, matcher.find(first)).verdicts).toEqual(['lit', 'lit', 'lit']);
    const { changed, verdicts } = page.read(second, matcher.find(second));
    expect(verdicts).toEqual(['dark']);
    expect(changed).toContain(rls);
    expect(changed).toContain(formIndex('Secondary RLS'));
    expect(page.status(rls)).toBe('dark');
    expect(page.status(formIndex('Restless legs syndrome'))).toBe('lit');
  });
});

describe('everyday words', () => {
  it('wait for the page to be about health, and are released when it is', () => {
    const page = new PageContext(rule);
    const iron = formIndex('Iron');
    const a = 'Iron is a strong metal.';
    expect(page.read(a, matcher.find(a)).verdicts).toEqual(['held']);
    const b = 'Low ferritin means low iron stores.';
    const { verdicts, changed } = page.read(b, matcher.find(b));
    expect(verdicts).toEqual(['lit', 'lit']);
    expect(changed).toContain(iron);
    expect(page.status(iron)).toBe('lit');
  });

  it('are not the mineral next to words that show another sense', () => {
    const health = 'Ferritin shows iron stores.';
    const labels = (text: string) => lit([health, text]).slice(2);
    expect(labels('Season the cast iron skillet.')).toEqual([]);
    expect(labels('A wrought-iron gate.')).toEqual([]);
    expect(labels('Remember to iron the napkins.')).toEqual([]);
    expect(labels('We will iron out the details.')).toEqual([]);
    expect(labels('He hit a seven iron.')).toEqual([]);
    expect(labels('The Iron Age began.')).toEqual([]);
    expect(labels("Marvel's 'Iron Fist': watch it.")).toEqual([]); // quotes around a word are not part of it
    // …and are the mineral where the neighbours say so, or where a longer term starts at the word.
    expect(labels('Keep iron out of reach of children.')).toEqual(['iron → iron']);
    expect(labels('Five iron-rich foods.')).toEqual(['iron → iron']);
    expect(labels('The iron the body absorbs.')).toEqual(['iron → iron']);
    expect(labels('Anemia due to iron deficiency.')).toEqual(['Anemia → anemia', 'iron deficiency → iron-deficiency']);
    expect(labels('A cast iron deficiency.')).toEqual(['iron deficiency → iron-deficiency']);
  });
});

describe('the rule does not depend on how the page is fed', () => {
  function prng(seed: number) {
    let a = seed | 0;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const PIECES = [
    ...glossary.forms.map((f) => f.text),
    'Row Level Security (RLS)',
    'RLS (row level security)',
    'clinical nurse specialist (CNS)',
    'Restless Legs Syndrome (RLS)',
    'cast',
    'to',
    'the',
    'out',
    'seven',
    'rich',
    '-',
    '(',
    ')',
    ',',
    '.',
    'kidney',
    'iron',
    'Iron',
    'chronic kidney disease (CKD)',
    'Certified Kitchen Designer (CKD)',
    'the',
    'a',
    'with',
    'and',
  ];
  const randomPage = (random: () => number): string[] =>
    Array.from({ length: 1 + Math.floor(random() * 6) }, () =>
      Array.from({ length: 1 + Math.floor(random() * 8) }, () => PIECES[Math.floor(random() * PIECES.length)]).join(
        ' ',
      ),
    );
  const outcome = (labels: ReturnType<typeof readPage>) =>
    labels.map((l) => `${l.block}:${l.start}:${l.form}:${l.verdict}`);

  it('gives the same verdicts block by block, in any order, or all at once (2,000 random pages)', () => {
    const random = prng(7);
    for (let n = 0; n < 2000; n++) {
      const blocks = randomPage(random);
      const inOrder = outcome(readPage(blocks));
      const reversed = outcome(
        readPage(
          blocks,
          blocks.map((_, i) => blocks.length - 1 - i),
        ),
      );
      expect(reversed, JSON.stringify(blocks)).toEqual(inOrder);
      // One block holding the whole page: "¶" is neither a word nor a separator, so no term or cue crosses it.
      const joined = blocks.join(' ¶ ');
      const offsets = blocks.map((_, i) => blocks.slice(0, i).reduce((sum, b) => sum + b.length + 3, 0));
      const whole = readPage([joined]).map((l) => {
        const block = offsets.findLastIndex((o) => o <= l.start);
        return `${block}:${l.start - offsets[block]!}:${l.form}:${l.verdict}`;
      });
      expect(whole, JSON.stringify(blocks)).toEqual(inOrder);
    }
  });

  it('reports in `changed` every form whose standing a block changed, and no other', () => {
    const random = prng(11);
    for (let n = 0; n < 500; n++) {
      const page = new PageContext(rule);
      let before = glossary.forms.map((_, f) => page.status(f));
      for (const block of randomPage(random)) {
        const { changed } = page.read(block, matcher.find(block));
        const after = glossary.forms.map((_, f) => page.status(f));
        const moved = after.flatMap((s, f) => (s !== before[f] ? [f] : []));
        expect(new Set(changed), block).toEqual(new Set(moved));
        before = after;
      }
    }
  });
});

describe('compiling the rule', () => {
  it('treats forms without needsContext as always lit, and uses the entry itself when no context list is given', () => {
    const forms: ContextForm[] = [
      { text: 'Ferritin', entry: 0 },
      { text: 'FT', entry: 0, needsContext: true },
    ];
    const page = new PageContext(compileContextRule(forms));
    expect(page.status(0)).toBe('lit');
    expect(page.status(1)).toBe('held');
    page.read('Ferritin', [{ start: 0, end: 8, entry: 0 }]);
    expect(page.status(1)).toBe('lit');
  });
});
