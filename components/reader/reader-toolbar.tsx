// Page navigation and zoom.
import { t } from '../../core/i18n';

interface ToolbarProps {
  page: number;
  pages: number;
  zoom: number;
  zooms: number[];
  onPage(number: number): void;
  onZoom(zoom: number): void;
}

export function ReaderToolbar({ page, pages, zoom, zooms, onPage, onZoom }: ToolbarProps) {
  const at = zooms.indexOf(zoom);
  return (
    <span class="reader-tools" role="toolbar" aria-label={t('reader.toolbar')}>
      <button type="button" class="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('reader.previousPage')}
      </button>
      <label class="reader-page-number">
        {t('reader.page')}{' '}
        <input
          type="number"
          min={1}
          max={pages}
          value={page}
          onChange={(event) => onPage(Number(event.currentTarget.value))}
        />{' '}
        {t('reader.pageOf', { count: String(pages) })}
      </label>
      <button type="button" class="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('reader.nextPage')}
      </button>
      <button type="button" class="button" disabled={at <= 0} onClick={() => onZoom(zooms[at - 1]!)}>
        {t('reader.zoomOut')}
      </button>
      <span class="reader-zoom" role="status" aria-label={t('reader.zoom')}>
        {Math.round(zoom * 100)}%
      </span>
      <button type="button" class="button" disabled={at >= zooms.length - 1} onClick={() => onZoom(zooms[at + 1]!)}>
        {t('reader.zoomIn')}
      </button>
    </span>
  );
}
