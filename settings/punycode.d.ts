// punycode.js ships no types; the ES module build is imported by path (a bare `punycode` would name Node's
// deprecated built-in).
declare module 'punycode/punycode.es6.js' {
  /** Converts the punycode labels of a domain name to Unicode; other labels are returned as they are. */
  export function toUnicode(input: string): string;
}
