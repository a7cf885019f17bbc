import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Wired up by later features (badge, commands).
});
