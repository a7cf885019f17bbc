// The memory a browser's processes hold, read from the operating system (Linux /proc): what a person's task manager
// shows, for both browsers alike. Firefox does not expose a page's heap over WebDriver BiDi, and its content
// processes do not say on their command line which of them hosts the extension, so a figure for "what opening this
// cost" is the change in the resident memory of the whole process tree, measured before and after, with nothing
// else loading in that browser.
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Resident set size (bytes) of a process and all its descendants.
 * @param {number} rootPid
 * @returns {number}
 */
export function treeRss(rootPid) {
  /** @type {Map<number, number[]>} */
  const children = new Map();
  /** @type {Map<number, number>} */
  const rss = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let status;
    try {
      status = readFileSync(`/proc/${entry}/status`, 'utf8');
    } catch {
      continue; // ended while we looked
    }
    const pid = Number(entry);
    const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    rss.set(pid, Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024);
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = /** @type {number} */ (stack.pop());
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/**
 * Resident (RSS) and proportional (PSS: pages shared between processes divided among them, so a sum over processes
 * counts each page once) memory, in bytes, of a process tree, or of those of its processes whose command line
 * includes `only` (Chromium's extension process says `--extension-process`).
 * @param {number} rootPid
 * @param {string} [only]
 * @returns {{ rss: number, pss: number, processes: number }}
 */
export function treeMemory(rootPid, only) {
  /** @type {Map<number, number[]>} */
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1] ?? 0);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // ended while we looked
    }
  }
  const out = { rss: 0, pss: 0, processes: 0 };
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = /** @type {number} */ (stack.pop());
    stack.push(...(children.get(pid) ?? []));
    try {
      if (only && !readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(only)) continue;
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      out.rss += Number(/^Rss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
      out.pss += Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
      out.processes++;
    } catch {
      // ended while we looked
    }
  }
  return out;
}
