// Generated pages for tests/e2e/hostile.test.ts. Each one's own script behaves like a kind of real page.
import { html } from './support';

/**
 * A virtual-DOM style page: it keeps references to its text nodes and patches them in place, replaces them, splits
 * them, moves them between elements, revives a detached one and edits one alone, in three renders
 * (window.patch(1..3)). The final page holds dopamine ×2, ferritin ×2, restless legs syndrome and RLS.
 */
export const VDOM_PAGE = html(
  `<main id="app">
    <p id="a">Low ferritin this week.</p>
    <p id="b"><em>restless</em> legs at night</p>
    <ul id="list"><li>first dopamine</li><li>second plain</li><li>third</li></ul>
    <p id="c">Note: dopamine here.</p>
  </main>`,
  `<script>
    addEventListener('DOMContentLoaded', () => {
      const app = document.getElementById('app');
      const pA = app.querySelector('#a');
      const a = pA.firstChild;
      const em = app.querySelector('#b em').firstChild;
      const bTail = app.querySelector('#b').lastChild;
      const list = app.querySelector('#list');
      const items = [...list.children];
      const itemText = items.map((li) => li.firstChild);
      const c = app.querySelector('#c').firstChild;
      window.patch = (step) => {
        if (step === 1) {
          a.data = 'Nothing this week.';
          bTail.data = ' legs syndrome at night';
          items[1].replaceChild(document.createTextNode('second ferritin'), itemText[1]);
          list.insertBefore(items[2], items[0]);
        } else if (step === 2) {
          itemText[0].splitText(6);
          pA.appendChild(itemText[2]);
          itemText[2].data = ' RLS and dopamine';
        } else if (step === 3) {
          const holder = em.parentNode;
          holder.removeChild(em);
          holder.appendChild(em);
          items[0].replaceChild(document.createTextNode('ferritin'), items[0].lastChild);
          itemText[1].data = 'dopamine detached';
          items[2].appendChild(itemText[1]);
          c.data = 'Note: nothing here.'; // a text edit alone, no other change in its paragraph
        }
      };
    });
  </script>`,
);

/**
 * 2,000 static paragraphs (20 with a term) and a live region of 5 paragraphs that window.startRewriting() rewrites
 * every 100 ms, 100 times, three ways in turn: new elements, text edited in place, text nodes replaced.
 * window.termsOnPage() says how many terms the page holds now.
 */
export const REWRITE_PAGE = html(
  `<main>${Array.from({ length: 2000 }, (_, i) => `<p>para ${i} some plain words <b>bold</b> ${i % 100 === 0 ? 'dopamine' : 'more'} text</p>`).join('')}</main>
   <div id="live"></div>`,
  `<script>
    addEventListener('DOMContentLoaded', () => {
      const live = document.getElementById('live');
      const text = (i, k) => 'live ' + k + ' ' + ((i + k) % 3 === 0 ? 'ferritin' : 'plain') + ' words';
      const paragraphs = (i) => [0, 1, 2, 3, 4].map((k) => { const p = document.createElement('p'); p.textContent = text(i, k); return p; });
      let last = 0;
      live.replaceChildren(...paragraphs(0));
      window.rewrites = 0;
      const rewrite = () => {
        const i = window.rewrites + 1;
        const mode = i % 3;
        if (mode === 0) live.replaceChildren(...paragraphs(i));
        else if (mode === 1) [...live.children].forEach((p, k) => { p.firstChild.data = text(i, k); });
        else [...live.children].forEach((p, k) => p.replaceChild(document.createTextNode(text(i, k)), p.firstChild));
        last = i;
        window.rewrites = i;
      };
      window.startRewriting = () => {
        const id = setInterval(() => { rewrite(); if (window.rewrites >= 100) clearInterval(id); }, 100);
      };
      window.termsOnPage = () => 20 + [0, 1, 2, 3, 4].filter((k) => (last + k) % 3 === 0).length;
    });
  </script>`,
);

/**
 * 20,000 paragraphs of five text nodes each (100,000 text nodes) with a term every 1,000 paragraphs, and a
 * heartbeat that records when the page's own timers get to run (window.beats).
 */
export function hugePage(): string {
  const body = Array.from(
    { length: 20_000 },
    (_, i) => `<p>w${i} alpha <b>beta</b> gamma <i>delta</i> ${i % 1000 === 0 ? 'ferritin' : 'epsilon'}</p>`,
  ).join('');
  return html(
    `<main>${body}</main>`,
    `<script>
    window.beats = [];
    (function tick() { window.beats.push(performance.now()); setTimeout(tick, 0); })();
  </script>`,
  );
}

/** Two terms, for switching the site off and on and unloading the extension. */
export const TOGGLE_PAGE = html(
  '<p>Low ferritin and high dopamine levels.</p><p>Plain words to move the pointer to.</p>',
);
