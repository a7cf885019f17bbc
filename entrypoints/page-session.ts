// The frame's session, loaded by the bootstrap (content/bootstrap.ts) when the frame's text can hold a term or the
// extension asks a silent frame: the engine, the context rule, the highlight layer, the tooltip's wiring, the settings
// and the message listener. Built as an ES module whose default export is what `main` returns (wxt.config.ts),
// listed in web_accessible_resources.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startPageSession, type PageSessionModule } from '../content/page-session';

export default defineUnlistedScript({
  main: (): PageSessionModule => ({ startPageSession }),
});
