import { defineContentScript } from 'wxt/utils/define-content-script';
import glossary from 'virtual:rls-lens/glossary';
import { startEngine } from '../content/engine';
import { startTooltips } from '../content/tooltip-wiring';
import '../content/highlights.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  // highlights.css holds ::highlight() rules, which only apply from the page's own document: the manifest injects it.
  cssInjectionMode: 'manifest',
  main(ctx) {
    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());
    const layer = startEngine({ glossary, signal: controller.signal, style: 'both', firstOnly: false });
    // --- tooltips (hover, tap, next/previous-term, reveal): content/tooltip-wiring.ts ---
    startTooltips({ ctx, signal: controller.signal, index: layer, glossary });
    // --- end tooltips ---
  },
});
