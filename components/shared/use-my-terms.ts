// My terms as live Preact state for the overview page and the side panel: read once, then kept current by the
// storage watch, so a card opened in any tab shows up at once (settings/my-terms.ts).
import { useEffect, useState } from 'preact/hooks';
import { readMyTermsList, watchMyTerms, type MyTerms } from '../../settings/my-terms';

export function useMyTerms(): MyTerms | null {
  const [data, setData] = useState<MyTerms | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    watchMyTerms(setData, controller.signal);
    void readMyTermsList().then((d) => {
      if (!controller.signal.aborted) setData((current) => current ?? d);
    });
    return () => controller.abort();
  }, []);
  return data;
}
