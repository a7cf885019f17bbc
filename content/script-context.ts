// WXT's content script context without the one thing it says to the page (issue 18). WXT's ContentScriptContext
// stops an older instance of the script (the extension reloaded or updated while the page stayed open) by
// dispatching a CustomEvent named `<extension id>:content:wxt:content-script-started` on the page's document, and
// listens for that event from newer instances. A page script can listen for that name too (the id is public), and
// so learn that RLS Lens is installed and when it starts in each frame.
//
// Here the instances meet on the content script's own global instead, which no page script can reach: a second
// instance in the same world (the script injected again into a frame) finds the older one's stop function there.
// An updated or reloaded extension gets a fresh world in both browsers (measured in Chromium 156: a global the old
// instance set is not visible to the new one; tests/e2e/update.test.ts): Chrome's orphaned instance then stops
// itself (the watchdog, content/page-session.ts), and Firefox has already unloaded the old one (nothing of it runs). The build puts this class wherever WXT's content script entry asks for its own
// (build/vite-quiet-context.ts).
import { ContentScriptContext as WxtContentScriptContext } from 'wxt/utils/content-script-context';
import { STOP_KEY } from '../core/page-names';

const shared = globalThis as Record<string, unknown>;

export class ContentScriptContext extends WxtContentScriptContext {
  override stopOldScripts(): void {
    const older = shared[STOP_KEY];
    if (typeof older === 'function') (older as () => void)();
  }

  override listenForNewerScripts(): void {
    const stop = () => this.notifyInvalidated();
    shared[STOP_KEY] = stop;
    this.onInvalidated(() => {
      if (shared[STOP_KEY] === stop) delete shared[STOP_KEY];
    });
  }
}
