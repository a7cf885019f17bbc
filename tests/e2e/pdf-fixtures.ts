// PDFs the reader's E2E tests write by hand, for what Chromium's page.pdf() cannot make: a page with no text (as a
// scan), a file that is not a PDF at all, and a document protected by a password (the Standard security handler,
// revision 2, 40-bit RC4, ISO 32000-1 §7.6.3: algorithms 2, 3 and 4).
import { createHash } from 'node:crypto';

/** A PDF file from its objects (1 0 obj … n 0 obj) and the trailer's extra keys. */
function pdfFile(objects: string[], trailer = ''): string {
  let out = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  return `${out}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer}>>\nstartxref\n${xref}\n%%EOF\n`;
}

const ONE_PAGE = (contents: string) => [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R ${contents}>>`,
];

/** A valid one-page PDF that draws a square and has no text at all (a scan has images, not text). */
export function noTextPdf(): string {
  const stream = '0.2 0.4 0.6 rg 20 20 200 100 re f';
  return pdfFile([...ONE_PAGE(''), `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`]);
}

/** Random bytes from a fixed seed, named .pdf. */
export function corruptBytes(): Uint8Array {
  const bytes = new Uint8Array(4096);
  let seed = 20;
  for (let i = 0; i < bytes.length; i++) bytes[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
  return bytes;
}

/** The 32 bytes every password is padded with (ISO 32000-1, algorithm 2, step a). */
const PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');
const padded = (password: string) => Buffer.concat([Buffer.from(password, 'latin1'), PAD]).subarray(0, 32);
const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}

const hex = (bytes: Buffer) => `<${bytes.toString('hex')}>`;

/**
 * A one-page PDF that opens only with `userPassword` (and `ownerPassword`): its text says "Ferritin", so a reader
 * that ignored the protection would mark a term. The content is encrypted as the handler says, so it is a real file
 * any PDF viewer asks the password for.
 */
export function passwordPdf(userPassword: string, ownerPassword: string): string {
  const permissions = -44; // print and copy refused: bits 3 and 5 clear, the rest as the standard requires
  const id = md5(Buffer.from('rls-lens password fixture'));
  const owner = rc4(md5(padded(ownerPassword)).subarray(0, 5), padded(userPassword));
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  const key = md5(padded(userPassword), owner, p, id).subarray(0, 5);
  const user = rc4(key, PAD);
  const objectKey = (num: number) => md5(key, Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, 0, 0]));
  const text = Buffer.from('BT /F1 24 Tf 20 60 Td (Ferritin) Tj ET', 'latin1');
  const stream = rc4(objectKey(4).subarray(0, 10), text).toString('latin1');
  return pdfFile(
    [
      ...ONE_PAGE('/Resources << /Font << /F1 5 0 R >> >> '),
      `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      `<< /Filter /Standard /V 1 /R 2 /O ${hex(owner)} /U ${hex(user)} /P ${permissions} >>`,
    ],
    `/Encrypt 6 0 R /ID [${hex(id)} ${hex(id)}] `,
  );
}
