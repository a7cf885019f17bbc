// @vitest-environment happy-dom
// Every word the tooltip shows or says comes from the catalogue, as for the pages (pages-speak-catalogue.test.tsx):
// its buttons and their hints, "Open in overview", the disclaimer, the claim label on a claim, and what a keyboard
// step announces. Rendered with the catalogue's messages marked; any other text fails, naming where it is.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import glossary from 'virtual:rls-lens/glossary';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Tooltip } from '../../../components/tooltip/tooltip';
import { stepAnnouncement } from '../../../content/tooltip/announcement';
import { findStrays, glossaryData, isTagged, tagCatalogue, textCount } from './tagged-catalogue';

const GLOSSARY_DATA = glossaryData();
const withClaims = glossary.entries.find((e) => (e.claims?.length ?? 0) > 0 && e.evidence.length > 1)!;
const related = glossary.entries.find((e) => e.related.length > 0 && e.evidence.length > 0)!;

let root: HTMLElement;
async function mount(node: preact.ComponentChild) {
  root = document.createElement('div');
  document.body.replaceChildren(root);
  render(node, root);
  await act(() => new Promise((resolve) => setTimeout(resolve, 5)));
}
function strays(extra: string[]) {
  expect(textCount(document.body), 'the scenario rendered text').toBeGreaterThan(2);
  expect(isTagged(document.body.textContent ?? ''), 'messages are marked').toBe(true);
  return findStrays(document.body, new Set([...GLOSSARY_DATA, ...extra]));
}

beforeEach(() => {
  fakeBrowser.reset();
  tagCatalogue();
});
afterEach(() => render(null, root));

describe('the tooltip speaks only through the catalogue', () => {
  it('its buttons, hints, disclaimer and what a keyboard step announces; the claim label on a claim quoted', async () => {
    for (const entry of [related, withClaims]) {
      const claim = entry.claims?.[0];
      for (const quote of [entry.evidence[0], claim]) {
        await mount(
          <Tooltip
            entry={entry}
            quote={quote}
            glossary={glossary}
            theme="light"
            announcement={stepAnnouncement(entry.term, 3, 1234)}
            onSelectRelated={() => undefined}
            onOpenOverview={() => undefined}
            onClose={() => undefined}
          />,
        );
        expect(root.querySelector('.rls-close[aria-label][title]')).not.toBeNull();
        expect(root.querySelector('[role="status"]')!.textContent).toContain(entry.term);
        expect(strays(['3', '1,234'])).toEqual([]);
      }
    }
  });

  it('its “I know this” button, and the undo and hint on a term the reader knows', async () => {
    for (const known of [false, true]) {
      await mount(
        <Tooltip
          entry={related}
          quote={related.evidence[0]}
          glossary={glossary}
          theme="dark"
          announcement=""
          onSelectRelated={() => undefined}
          onOpenOverview={() => undefined}
          known={known}
          onKnow={() => undefined}
          onClose={() => undefined}
        />,
      );
      expect(root.querySelector('.rls-know')).not.toBeNull();
      expect(root.querySelector('.rls-known') !== null).toBe(known);
      expect(strays([])).toEqual([]);
    }
  });
});
