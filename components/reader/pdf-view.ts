// The pages of one PDF in a container: every page has its box at once (a 300-page document opens at once), its
// canvas is drawn only while it is near the viewport, and its text layer is built page by page in the background,
// nearest pages first, one page per task, so the page engine (content/engine.ts) reads the whole document in
// slices while the reader scrolls. The text layer is PDF.js's own: the terms are marked on it by CSS Custom
// Highlights, like on any page.
import { TextLayer, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist';
import { t } from '../../core/i18n';
import { lineWraps } from './line-wraps';

/** Pages within this distance of the viewport have their canvas drawn. */
const NEAR = '150% 0px';
/** Device pixels per CSS pixel for the canvases, at most (sharp enough, and bounded memory on 3× screens). */
const MAX_PIXEL_RATIO = 2;

interface PageSlot {
  number: number;
  box: HTMLElement;
  page?: PDFPageProxy;
  canvas?: HTMLCanvasElement;
  /** The scale the canvas was drawn at. */
  drawnAt?: number;
  drawing?: Promise<void>;
  text?: 'building' | 'built';
}

export interface PdfViewEvents {
  /** The page mostly in view changed. */
  onPage(number: number): void;
  /** Every page's text layer is built; `items` counts the text runs with any letters in them. */
  onTextRead(items: number): void;
}

export class PdfView {
  readonly pages: PageSlot[] = [];
  private scale = 1;
  private readonly near: IntersectionObserver;
  private readonly visible = new Set<PageSlot>();
  private readonly controller = new AbortController();
  private textItems = 0;
  private current = 1;

  constructor(
    private readonly doc: PDFDocumentProxy,
    private readonly container: HTMLElement,
    private readonly events: PdfViewEvents,
    first: { width: number; height: number },
  ) {
    this.near = new IntersectionObserver((entries) => this.onNear(entries), { rootMargin: NEAR });
    const fragment = document.createDocumentFragment();
    for (let number = 1; number <= doc.numPages; number++) {
      const box = document.createElement('section');
      box.className = 'reader-page';
      box.dataset.page = String(number);
      box.setAttribute('aria-label', t('reader.pageLabel', { number: String(number) }));
      setSize(box, first.width, first.height);
      fragment.append(box);
      this.pages.push({ number, box });
    }
    container.append(fragment);
    for (const slot of this.pages) this.near.observe(slot.box);
    window.addEventListener('scroll', () => this.trackPage(), { passive: true, signal: this.controller.signal });
    void this.buildTexts();
  }

  setScale(scale: number): void {
    this.scale = scale;
    this.container.style.setProperty('--total-scale-factor', String(scale));
    for (const slot of this.visible) void this.draw(slot);
  }

  scrollToPage(number: number): void {
    this.pages[number - 1]?.box.scrollIntoView({ block: 'start' });
  }

  destroy(): void {
    this.controller.abort();
    this.near.disconnect();
    void this.doc.destroy();
  }

  private async pageOf(slot: PageSlot): Promise<PDFPageProxy> {
    slot.page ??= await this.doc.getPage(slot.number);
    const [x0, y0, x1, y1] = slot.page.view as [number, number, number, number];
    const rotated = slot.page.rotate % 180 !== 0;
    setSize(slot.box, rotated ? y1 - y0 : x1 - x0, rotated ? x1 - x0 : y1 - y0);
    return slot.page;
  }

  private onNear(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const slot = this.pages[Number((entry.target as HTMLElement).dataset.page) - 1]!;
      if (entry.isIntersecting) {
        this.visible.add(slot);
        void this.draw(slot);
      } else {
        this.visible.delete(slot);
        // A page far from the viewport gives its canvas's memory back; its text layer stays, for the engine.
        slot.canvas?.remove();
        slot.canvas = undefined;
        slot.drawnAt = undefined;
      }
    }
    this.trackPage();
  }

  private async draw(slot: PageSlot): Promise<void> {
    if (this.controller.signal.aborted || slot.drawnAt === this.scale) return;
    await slot.drawing;
    if (!this.visible.has(slot) || slot.drawnAt === this.scale) return;
    const scale = this.scale;
    slot.drawnAt = scale;
    const drawing = (async () => {
      const page = await this.pageOf(slot);
      const ratio = Math.min(window.devicePixelRatio || 1, MAX_PIXEL_RATIO);
      const viewport = page.getViewport({ scale: scale * ratio });
      const canvas = document.createElement('canvas');
      canvas.className = 'reader-canvas';
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.setAttribute('aria-hidden', 'true');
      try {
        await page.render({ canvas, viewport }).promise;
      } catch {
        // A page PDF.js cannot draw keeps its text layer; the rest of the document is unaffected.
        return;
      }
      if (!this.visible.has(slot) || slot.drawnAt !== scale) return;
      slot.canvas?.remove();
      slot.canvas = canvas;
      slot.box.prepend(canvas);
    })();
    slot.drawing = drawing;
    await drawing;
  }

  /** Text layers, one page per task: first the pages in view, then the rest in order. */
  private async buildTexts(): Promise<void> {
    const signal = this.controller.signal;
    for (;;) {
      if (signal.aborted) return;
      const next =
        [...this.visible].sort((a, b) => a.number - b.number).find((slot) => !slot.text) ??
        this.pages.find((slot) => !slot.text);
      if (!next) break;
      next.text = 'building';
      try {
        await this.buildText(next);
      } catch {
        // A page whose text cannot be read is a page without text; the others still are.
      }
      next.text = 'built';
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    this.events.onTextRead(this.textItems);
  }

  private async buildText(slot: PageSlot): Promise<void> {
    const page = await this.pageOf(slot);
    const content = await page.getTextContent();
    for (const item of content.items) if ('str' in item && /\p{L}/u.test(item.str)) this.textItems++;
    const layer = document.createElement('div');
    layer.className = 'textLayer';
    const textLayer = new TextLayer({
      textContentSource: content,
      container: layer,
      viewport: page.getViewport({ scale: 1 }),
    });
    await textLayer.render();
    if (this.controller.signal.aborted) return;
    // A line that only wraps reads on as a space, so a term across two lines is found (line-wraps.ts).
    const wraps = lineWraps(content.items);
    layer.querySelectorAll('br').forEach((br, i) => wraps[i] && br.replaceWith(' '));
    slot.box.append(layer);
  }

  private trackPage(): void {
    const middle = window.innerHeight / 3;
    let low = 0;
    let high = this.pages.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.pages[mid]!.box.getBoundingClientRect().top <= middle) low = mid;
      else high = mid - 1;
    }
    const number = low + 1;
    if (number !== this.current) {
      this.current = number;
      this.events.onPage(number);
    }
  }
}

function setSize(box: HTMLElement, width: number, height: number): void {
  box.style.width = `calc(var(--total-scale-factor) * ${width}px)`;
  box.style.height = `calc(var(--total-scale-factor) * ${height}px)`;
}
