// The host a site rule applies to, from an address: the content script asks it of its own frame, the popup of its
// tab's address. Only web pages have one; about:blank and srcdoc frames take the host of the page that made them.

/** The host of an http(s) address, or null for every other kind of address (and for nonsense). */
export function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const { protocol, hostname } = new URL(url);
    return (protocol === 'http:' || protocol === 'https:') && hostname ? hostname : null;
  } catch {
    return null;
  }
}

/** The host whose rule applies to this frame: its own, or its creator's (about:blank, srcdoc); '' for none. */
export function frameHost(location: { href: string }, referrer: string): string {
  return hostOf(location.href) ?? hostOf(referrer) ?? '';
}
