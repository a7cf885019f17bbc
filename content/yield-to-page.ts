// Giving the page its turn between two slices of our work.

/**
 * Lets the page run before the next slice. Not scheduler.yield(): its continuations outrank the page's own tasks,
 * so a page's timers did not run once during a 200 ms scan of 100,000 text nodes (tests/e2e/hostile.test.ts). A
 * message-channel task queues behind what the page has already queued, without setTimeout's 4 ms clamp.
 */
let channel: { port: MessagePort; waiting: (() => void)[] } | null = null;
export function yieldToPage(): Promise<void> {
  if (!channel) {
    const { port1, port2 } = new MessageChannel();
    const waiting: (() => void)[] = [];
    port1.onmessage = () => waiting.shift()?.();
    channel = { port: port2, waiting };
  }
  const { port, waiting } = channel;
  return new Promise<void>((resolve) => {
    waiting.push(resolve);
    port.postMessage(null);
  });
}
