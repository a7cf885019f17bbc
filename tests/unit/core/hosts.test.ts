import { describe, expect, it } from 'vitest';
import { frameHost, hostOf } from '../../../core/hosts';

describe('the host a site rule applies to', () => {
  it('is the host of a web address, and none for other kinds of address', () => {
    expect(hostOf('https://en.wikipedia.org/wiki/Iron#x')).toBe('en.wikipedia.org');
    expect(hostOf('http://127.0.0.1:8080/')).toBe('127.0.0.1');
    for (const url of ['file:///home/a.html', 'about:blank', 'chrome://extensions', 'not a url', '', undefined]) {
      expect(hostOf(url)).toBeNull();
    }
  });

  it('of an about:blank or srcdoc frame is the host of the page that made it', () => {
    expect(frameHost({ href: 'about:blank' }, 'https://news.example/story')).toBe('news.example');
    expect(frameHost({ href: 'about:srcdoc' }, '')).toBe('');
    expect(frameHost({ href: 'https://ads.example/f' }, 'https://news.example/')).toBe('ads.example');
  });
});
