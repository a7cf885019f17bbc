// Which stored settings a newer version of RLS Lens wrote (settings/schema.ts: kept as they are, read as their
// defaults here), for the one line the popup and the overview show about them. One storage call, no items defined.
import { storage } from '@wxt-dev/storage';
import { STORED } from './stored-keys';

export type StoredName = keyof typeof STORED;

const NAMES = Object.keys(STORED) as StoredName[];

/** The settings whose version stamp is newer than this version's, in STORED's order; empty nearly always. */
export async function newerSettings(): Promise<StoredName[]> {
  const metas = await storage.getMetas(NAMES.map((name) => `local:${STORED[name].key}` as const));
  return NAMES.filter((name, i) => {
    const v = (metas[i]?.meta as { v?: unknown } | undefined)?.v;
    return typeof v === 'number' && v > STORED[name].version;
  });
}
