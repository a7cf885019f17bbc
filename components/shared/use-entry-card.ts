// One entry's card opened over a list (the popup, the side panel): which entry is open, and where focus goes. The
// card's heading takes focus when it opens, so screen readers start reading the entry (-1 keeps it out of the Tab
// order); when it closes, focus goes back to the chip or result that opened it (they carry data-entry). Entries
// opened from within the card (related) keep the first. A layout effect: focus moves in the same frame as the view
// changes, never a frame later.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface OpenCard {
  openId: string | null;
  open(id: string): void;
  close(): void;
  /** For the view's keydown: Esc closes an open card (and goes no further). */
  onKeyDown(event: KeyboardEvent): void;
}

/** `listSelector`: where the chips and results that open cards are (`main`, `.sp-list`). */
export function useEntryCard(listSelector: string): OpenCard {
  const [openId, setOpenId] = useState<string | null>(null);
  const returnTo = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (openId) {
      const heading = document.getElementById('card-heading');
      heading?.setAttribute('tabindex', '-1');
      heading?.focus();
    } else if (returnTo.current) {
      document.querySelector<HTMLElement>(`${listSelector} [data-entry="${CSS.escape(returnTo.current)}"]`)?.focus();
      returnTo.current = null;
    }
  }, [openId]);
  return {
    openId,
    open: (id) => {
      if (!openId) returnTo.current = id;
      setOpenId(id);
    },
    close: () => setOpenId(null),
    onKeyDown: (event) => {
      if (event.key !== 'Escape' || !openId) return;
      event.preventDefault();
      setOpenId(null);
    },
  };
}
