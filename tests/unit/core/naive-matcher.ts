// The matcher's rules written as plainly as possible: at every position try every form, keep the longest.
// Slow on purpose; differential tests compare the real matcher with it.
import type { Match, SurfaceForm } from '../../../core/matcher';

const isWord = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{M}\p{N}_]/u.test(ch);
const isSeparator = (ch: string | undefined) => ch !== undefined && /[\s\u00a0\u2010\u2011-]/.test(ch);
const isAcronym = (form: string) => {
  const letters = form.match(/\p{L}/gu) ?? [];
  return letters.length >= 2 && letters.every((l) => l === l.toUpperCase() && l !== l.toLowerCase());
};

function codePointBefore(text: string, i: number): string | undefined {
  if (i <= 0) return undefined;
  const cp = [...text.slice(Math.max(0, i - 2), i)].pop();
  return cp;
}

function codePointAt(text: string, i: number): string | undefined {
  if (i >= text.length) return undefined;
  return String.fromCodePoint(text.codePointAt(i)!);
}

/** End of `form` matched at `start`, or -1. */
function matchAt(form: string, text: string, start: number): number {
  const words = form.trim().split(/[\s\u00a0\u2010\u2011-]+/);
  let at = start;
  for (let w = 0; w < words.length; w++) {
    const caseSensitive = isAcronym(words[w]!);
    if (w > 0) {
      if (!isSeparator(text[at])) return -1;
      while (isSeparator(text[at])) at++;
    }
    for (const ch of words[w]!) {
      const got = text[at];
      if (got === undefined) return -1;
      const ok = caseSensitive ? got === ch : got === ch || got.toLowerCase() === ch.toLowerCase();
      if (!ok) return -1;
      at++;
    }
  }
  return at;
}

export function naiveFind(forms: SurfaceForm[], text: string): Match[] {
  const out: Match[] = [];
  let i = 0;
  while (i < text.length) {
    let best: Match | null = null;
    if (!isWord(codePointBefore(text, i))) {
      for (const form of forms) {
        const end = matchAt(form.text, text, i);
        if (end > i && !isWord(codePointAt(text, end)) && (!best || end > best.end)) {
          best = { start: i, end, entry: form.entry };
        }
      }
    }
    if (best) {
      out.push(best);
      i = best.end;
    } else {
      i++;
    }
  }
  return out;
}
