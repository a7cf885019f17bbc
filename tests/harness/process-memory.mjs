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
