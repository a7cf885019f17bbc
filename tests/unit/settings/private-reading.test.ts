// Private reading per site: which hosts are read privately, the list the popup's switch edits, and what a frame on
// such a host reads of its settings.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readFrameSettings } from '../../../settings/frame-settings';
import { preferencesOn, privateSitesWith, readsPrivately } from '../../../settings/private-reading';
import { DEFAULT_PREFERENCES, readPreferences } from '../../../settings/schema';
import { storedEntries } from '../../../settings/stored-keys';
import { freshBrowser, load } from './fresh-settings';

const quiet = freshBrowser();
const prefs = (privateSites: string[], privateReading = false) => ({
  ...DEFAULT_PREFERENCES,
  privateSites,
  privateReading,
});

describe('readsPrivately', () => {
  it('reads a listed host, and every host of a listed domain, privately; others not', () => {
    const p = prefs(['forum.example.org', '*.clinic.test']);
    expect(readsPrivately('forum.example.org', p)).toBe(true);
    expect(readsPrivately('FORUM.example.org.', p)).toBe(true);
    expect(readsPrivately('example.org', p)).toBe(false);
    expect(readsPrivately('www.forum.example.org', p)).toBe(false);
    expect(readsPrivately('clinic.test', p)).toBe(true);
    expect(readsPrivately('a.b.clinic.test', p)).toBe(true);
    expect(readsPrivately('notclinic.test', p)).toBe(false);
  });
  it('reads every host privately while private reading is on for all sites', () => {
    expect(readsPrivately('anything.example', prefs([], true))).toBe(true);
  });
  it('gives a frame preferences that say whether its own host is private, and nothing else changed', () => {
    const p = prefs(['forum.example.org']);
    expect(preferencesOn('forum.example.org', p)).toEqual({ ...p, privateReading: true });
    expect(preferencesOn('news.example.org', p)).toBe(p);
  });
});

describe('the list of private sites', () => {
  it('adds a host once and removes only that host', () => {
    expect(privateSitesWith(['a.org'], 'B.org', true)).toEqual(['a.org', 'b.org']);
    expect(privateSitesWith(['a.org', 'b.org'], 'b.org', true)).toEqual(['a.org', 'b.org']);
    expect(privateSitesWith(['a.org', '*.b.org', 'b.org'], 'b.org', false)).toEqual(['a.org', '*.b.org']);
  });
  it('is checked as a whole: a bad entry falls back to no list and keeps the other preferences', () => {
    for (const bad of [['ok.org', 'not a host'], ['a.org', 'a.org'], 'a.org', [1]]) {
      const problems: string[] = [];
      const read = readPreferences({ ...DEFAULT_PREFERENCES, theme: 'dark', privateSites: bad }, problems);
      expect(read.privateSites).toEqual([]);
      expect(read.theme).toBe('dark');
      expect(problems.join()).toContain('privateSites');
    }
  });
  it('is switched per host by setPrivateSite, which keeps the other preferences and refuses a host it cannot name', async () => {
    const s = await load();
    await s.setPreferences({ theme: 'dark' });
    await Promise.all([s.setPrivateSite('forum.example.org', true), s.setPrivateSite('clinic.test', true)]);
    let all = await s.readSettings();
    expect(all.preferences.privateSites).toEqual(['forum.example.org', 'clinic.test']);
    expect(all.preferences.theme).toBe('dark');
    expect((await s.siteSettings('forum.example.org')).preferences.privateReading).toBe(true);
    expect((await s.siteSettings('news.example.org')).preferences.privateReading).toBe(false);
    await expect(s.setPrivateSite('not a host', true)).rejects.toThrow(RangeError);
    await s.setPrivateSite('forum.example.org', false);
    all = await s.readSettings();
    expect(all.preferences.privateSites).toEqual(['clinic.test']);
    expect(quiet.warn).not.toHaveBeenCalled();
  });
});

describe('a frame on a private site', () => {
  it('reads privateReading as on for its host only', async () => {
    await fakeBrowser.storage.local.set(storedEntries({ preferences: prefs(['forum.example.org']) }));
    expect((await readFrameSettings('forum.example.org')).preferences.privateReading).toBe(true);
    expect((await readFrameSettings('example.org')).preferences.privateReading).toBe(false);
  });
});
