import { defineContentScript } from 'wxt/utils/define-content-script';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    document.documentElement.dataset.rlsLensProbe = '1';
    ctx.onInvalidated(() => delete document.documentElement.dataset.rlsLensProbe);
  },
});
