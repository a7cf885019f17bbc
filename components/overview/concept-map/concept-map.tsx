// The concept map: how the article's factors lead to RLS, drawn from the glossary's `leadsTo` graph. The arrows are
// an SVG (decoration: hidden from assistive technology); every box is a real HTML button placed over it, so Tab,
// Enter, Space, focus rings and screen readers work as anywhere else, and the list beside it says the same in words.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { MapGraph } from './concept-map-graph';
import { neighbours } from './concept-map-graph';
import { edgePath, layoutConceptMap, type TextMeasure } from './concept-map-layout';
import { ConceptMapList } from './concept-map-list';
import { formatList, t } from '../../../core/i18n';

export interface ConceptMapProps {
  graph: MapGraph;
  currentId: string | null;
  /** A box (or list item) was chosen; `from` is its button, where "Back to the concept map" returns. */
  onSelect: (entryId: string, from: HTMLElement) => void;
}

const LINE_HEIGHT = 1.3;

/** Measures text in the font the boxes use (read from a hidden probe with their class). */
function measureLike(probe: HTMLElement): TextMeasure {
  const style = getComputedStyle(probe);
  const context = document.createElement('canvas').getContext('2d')!;
  context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  return {
    width: (text) => context.measureText(text).width,
    lineHeight: Math.ceil(parseFloat(style.fontSize) * LINE_HEIGHT),
  };
}

const list = (ids: string[], label: Map<string, string>) => formatList(ids.map((id) => label.get(id) ?? id));

export function ConceptMap({ graph, currentId, onSelect }: ConceptMapProps) {
  const canvas = useRef<HTMLDivElement>(null);
  const probe = useRef<HTMLSpanElement>(null);
  const [width, setWidth] = useState(0);
  const [measure, setMeasure] = useState<TextMeasure | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    // Laid out again when the width changes by a step of 8px (a drag-resize is not a layout per frame; the drawing
    // is laid out for at most the width it has), and measured again when the text size changes (zoom, font settings).
    const widths = new ResizeObserver(() => {
      if (canvas.current) setWidth(Math.floor(canvas.current.clientWidth / 8) * 8);
    });
    const text = new ResizeObserver(() => {
      if (probe.current) setMeasure(measureLike(probe.current));
    });
    if (canvas.current) widths.observe(canvas.current);
    if (probe.current) text.observe(probe.current);
    void document.fonts.ready.then(() => {
      if (!controller.signal.aborted && probe.current) setMeasure(measureLike(probe.current));
    });
    controller.signal.addEventListener('abort', () => {
      widths.disconnect();
      text.disconnect();
    });
    return () => controller.abort();
  }, []);

  const layout = useMemo(
    () => (width > 0 && measure ? layoutConceptMap(graph, width, measure) : null),
    [graph, width, measure],
  );
  const label = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n.label])), [graph]);
  const current = currentId ? neighbours(graph, currentId) : null;
  const isCurrentEdge = (from: string, to: string) => from === currentId || to === currentId;

  return (
    <section id="concept-map" class="overview__section concept-map" aria-labelledby="concept-map-heading">
      <h2 id="concept-map-heading">{t('conceptMap.heading')}</h2>
      <p class="hint">{t('conceptMap.hint')}</p>
      <details class="concept-map__text">
        <summary>{t('conceptMap.asList')}</summary>
        <ConceptMapList graph={graph} currentId={currentId} onSelect={onSelect} />
      </details>
      <div ref={canvas} class="concept-map__canvas">
        <span ref={probe} class="concept-map__probe" aria-hidden="true">
          Mg
        </span>
        {layout && (
          <div class="concept-map__drawing" style={{ width: `${layout.width}px`, height: `${layout.height}px` }}>
            <svg
              class="concept-map__edges"
              width={layout.width}
              height={layout.height}
              aria-hidden="true"
              focusable="false"
            >
              <defs>
                {['', '-current'].map((kind) => (
                  <marker
                    key={kind}
                    id={`concept-map-arrow${kind}`}
                    class={`concept-map__arrow${kind && ' concept-map__arrow--current'}`}
                    viewBox="0 0 10 10"
                    refX="9"
                    refY="5"
                    markerUnits="userSpaceOnUse"
                    markerWidth="9"
                    markerHeight="9"
                    orient="auto"
                  >
                    <path d="M0,0 L10,5 L0,10 z" />
                  </marker>
                ))}
              </defs>
              {/* Edges of the open entry last, so they are drawn over the others. */}
              {[...layout.edges]
                .sort((a, b) => Number(isCurrentEdge(a.from, a.to)) - Number(isCurrentEdge(b.from, b.to)))
                .map((edge) => {
                  const on = isCurrentEdge(edge.from, edge.to);
                  return (
                    <path
                      key={`${edge.from}>${edge.to}`}
                      class={`concept-map__edge${on ? ' concept-map__edge--current' : ''}`}
                      d={edgePath(edge.points)}
                      marker-end={`url(#concept-map-arrow${on ? '-current' : ''})`}
                      data-edge={`${edge.from}>${edge.to}`}
                    />
                  );
                })}
            </svg>
            {layout.nodes.map((node) => {
              const { from, to } = neighbours(graph, node.id);
              const sink = to.length === 0;
              return (
                <button
                  key={node.id}
                  type="button"
                  class={`concept-map__node${sink ? ' concept-map__node--outcome' : ''}${current?.from.includes(node.id) || current?.to.includes(node.id) ? ' concept-map__node--near' : ''}`}
                  data-entry={node.id}
                  aria-current={node.id === currentId ? 'true' : undefined}
                  aria-describedby={`concept-map-about-${node.id}`}
                  style={{
                    left: `${node.x}px`,
                    top: `${node.y}px`,
                    width: `${node.width}px`,
                    height: `${node.height}px`,
                    lineHeight: `${measure!.lineHeight}px`,
                  }}
                  onClick={(event) => onSelect(node.id, event.currentTarget)}
                >
                  {node.lines.map((line, i) => (
                    <span key={i} class="concept-map__line">
                      {i > 0 && ' '}
                      {line}
                    </span>
                  ))}
                </button>
              );
            })}
            {/* What each box is joined to, read after its name: the arrows themselves are hidden. */}
            <div hidden>
              {layout.nodes.map((node) => {
                const { from, to } = neighbours(graph, node.id);
                return (
                  <span key={node.id} id={`concept-map-about-${node.id}`}>
                    {to.length > 0 && `${t('conceptMap.leadsTo', { list: list(to, label) })} `}
                    {from.length > 0 && t('conceptMap.factors', { list: list(from, label) })}
                  </span>
                );
              })}
            </div>
          </div>
        )}
      </div>
    </section>
  );
}
