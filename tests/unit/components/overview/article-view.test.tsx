// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import article from 'virtual:rls-lens/article';
import { ArticleView, formatDate } from '../../../../components/overview/article-view';
import { runsText } from '../../../../glossary/compile-article';

function mount(currentId: string | null = null, onSelect = vi.fn()) {
  const root = document.createElement('div');
  document.body.append(root);
  render(<ArticleView article={article} currentId={currentId} onSelect={onSelect} />, root);
  return { root, onSelect };
}

describe('the article view', () => {
  it('shows each sentence as text, under its section heading, with the byline', () => {
    const { root } = mount();
    const sentences = [...root.querySelectorAll('.article-view__sentence')].map((s) => [s.id, s.textContent]);
    expect(sentences).toEqual(
      article.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences.map((x) => [x.id, runsText(x.runs)]))),
    );
    // A paragraph reads as prose: its sentences one space apart.
    expect([...root.querySelectorAll('.article-view__paragraph')].map((p) => p.textContent)).toEqual(
      article.sections.flatMap((s) => s.paragraphs.map((p) => p.sentences.map((x) => runsText(x.runs)).join(' '))),
    );
    expect([...root.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(
      article.sections.map((s) => runsText(s.heading.runs)),
    );
    expect(root.querySelector('.article-view__byline')?.textContent).toBe('By FruitOrchid · October 11, 2025');
    expect(root.querySelector('time')?.getAttribute('datetime')).toBe('2025-10-11');
  });

  it('makes every term a button that opens its entry, the open entry’s terms marked current', () => {
    const { root, onSelect } = mount('ferritin');
    const terms = [...root.querySelectorAll<HTMLButtonElement>('button.article-term')];
    const spans = [
      article.title,
      ...article.sections.flatMap((s) => [
        s.heading.runs,
        ...s.paragraphs.flatMap((p) => p.sentences.map((x) => x.runs)),
      ]),
    ]
      .flat()
      .filter((r) => r.entryId);
    expect(terms.map((t) => [t.textContent, t.dataset.entry])).toEqual(spans.map((r) => [r.text, r.entryId]));
    const ferritin = terms.find((t) => t.dataset.entry === 'ferritin')!;
    expect(ferritin.getAttribute('aria-current')).toBe('true');
    expect(terms.filter((t) => t.getAttribute('aria-current')).every((t) => t.dataset.entry === 'ferritin')).toBe(true);
    ferritin.click();
    expect(onSelect).toHaveBeenCalledWith('ferritin', ferritin);
  });

  it('renders article text as text, never as markup', () => {
    const hostile = { ...article, author: '<img src=x onerror=alert(1)>' };
    const root = document.createElement('div');
    render(<ArticleView article={hostile} currentId={null} onSelect={() => {}} />, root);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.article-view__byline')?.textContent).toContain('<img src=x');
  });

  it('formats the byline date, or keeps a date it cannot read', () => {
    expect(formatDate('2025-10-11')).toBe('October 11, 2025');
    expect(formatDate('autumn')).toBe('autumn');
  });
});
