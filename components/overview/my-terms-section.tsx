// The overview's My terms section (issue 19): asks once whether to keep the list (off until the reader says yes),
// then its switches, the entries with how often and when their cards were opened (and where, if addresses are
// kept), Forget per entry, Clear all, a sheet for the doctor of these terms, the list as a file, and the terms the
// reader marked "I know this". Everything is stored in this browser only (settings/my-terms.ts).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Glossary } from '../../glossary/types';
import {
  clearMyTerms,
  forgetMyTerm,
  ranked,
  setMyTermsSwitches,
  type LookUps,
  type MyTerms,
} from '../../settings/my-terms';
import { glossaryLang, t, uiLanguage } from '../../core/i18n';
import { useMyTerms } from '../shared/use-my-terms';
import { KnownTermsList } from './known-terms-list';
import { MyTermsTransfer } from './my-terms-transfer';
import { saved } from '../shared/save-status';

export interface MyTermsSectionProps {
  glossary: Glossary;
  knownTerms: readonly string[];
  /** Opens an entry's card on the overview page. */
  onOpen(entryId: string): void;
}

const logged = (task: Promise<void>) => void saved(task);

export function MyTermsSection({ glossary, knownTerms, onOpen }: MyTermsSectionProps) {
  const data = useMyTerms();
  const onSwitch = useRef<HTMLInputElement>(null);
  const [answered, setAnswered] = useState(false);
  // The question's buttons go once it is answered: the keyboard focus moves to the switch that replaced them.
  useEffect(() => {
    if (answered && data?.asked) onSwitch.current?.focus();
  }, [answered, data?.asked]);
  const answer = (on: boolean) => {
    setAnswered(true);
    logged(setMyTermsSwitches({ on }));
  };
  const isEntry = (id: string) => glossary.entries.some((e) => e.id === id);

  return (
    <section id="my-terms" class="overview__section my-terms" aria-labelledby="my-terms-heading">
      {/* Focusable from code: where the keyboard focus goes once the list it was in is cleared. */}
      <h2 id="my-terms-heading" tabIndex={-1}>
        {t('myTerms.heading')}
      </h2>
      {data && !data.asked && (
        <div class="my-terms__ask">
          <p>{t('myTerms.ask')}</p>
          <div class="my-terms__actions">
            <button type="button" class="button my-terms__yes" onClick={() => answer(true)}>
              {t('myTerms.askYes')}
            </button>
            <button type="button" class="button button--quiet my-terms__no" onClick={() => answer(false)}>
              {t('myTerms.askNo')}
            </button>
          </div>
        </div>
      )}
      {data?.asked && (
        <div class="my-terms__switches">
          <div class="choice-with-hint">
            <label class="choice">
              <input
                ref={onSwitch}
                type="checkbox"
                class="my-terms__on"
                checked={data.on}
                aria-describedby="my-terms-on-hint"
                onChange={(e) => logged(setMyTermsSwitches({ on: e.currentTarget.checked }))}
              />
              {t('myTerms.on')}
            </label>
            <p id="my-terms-on-hint" class="choice__hint">
              {t('myTerms.onHint')}
            </p>
          </div>
          <div class="choice-with-hint">
            <label class="choice">
              <input
                type="checkbox"
                class="my-terms__pages"
                checked={data.pages}
                disabled={!data.on}
                aria-describedby="my-terms-pages-hint"
                onChange={(e) => logged(setMyTermsSwitches({ pages: e.currentTarget.checked }))}
              />
              {t('myTerms.pages')}
            </label>
            <p id="my-terms-pages-hint" class="choice__hint">
              {t('myTerms.pagesHint')}
            </p>
          </div>
        </div>
      )}
      {data && <LookUpList data={data} glossary={glossary} onOpen={onOpen} />}
      {data && <MyTermsTransfer isEntry={isEntry} />}
      <KnownTermsList known={knownTerms} entries={glossary.entries} />
    </section>
  );
}

const dateOf = (ms: number) => new Date(ms).toLocaleDateString(uiLanguage(), { dateStyle: 'medium' });

function LookUpList({ data, glossary, onOpen }: { data: MyTerms; glossary: Glossary; onOpen(id: string): void }) {
  const [confirming, setConfirming] = useState(false);
  const [cleared, setCleared] = useState(false);
  const clearButton = useRef<HTMLButtonElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  // The buttons that were pressed go away: the focus moves to what takes their place.
  useEffect(() => {
    if (confirming) keepButton.current?.focus();
  }, [confirming]);
  const byId = new Map(glossary.entries.map((e) => [e.id, e]));
  // Entries this glossary has (a list imported from another version may name one it lacks: kept, not shown).
  const rows = ranked(data.terms).filter(([id]) => byId.has(id));
  const status = (
    <p class="success" role="status">
      {cleared && rows.length === 0 ? t('myTerms.cleared') : ''}
    </p>
  );
  if (rows.length === 0) {
    return (
      <>
        {data.on && !cleared && <p class="hint">{t('myTerms.empty')}</p>}
        {status}
      </>
    );
  }
  const clear = () => {
    setConfirming(false);
    setCleared(true);
    document.getElementById('my-terms-heading')?.focus();
    logged(clearMyTerms());
  };
  const keep = () => {
    setConfirming(false);
    // Drawn again on the next render.
    requestAnimationFrame(() => clearButton.current?.focus());
  };
  return (
    <>
      {!data.on && <p class="hint">{t('myTerms.paused')}</p>}
      <ul class="my-terms__list" aria-label={t('myTerms.listLabel')}>
        {rows.map(([id, lookUps]) => (
          <LookUpRow key={id} term={byId.get(id)!.term} id={id} lookUps={lookUps} onOpen={onOpen} />
        ))}
      </ul>
      <div class="my-terms__actions">
        {/* The doctor's sheet takes its entries from the address (components/sheet/sheet-document.ts idsFromSearch). */}
        <a class="button my-terms__sheet" href={`sheet.html?entries=${rows.map(([id]) => id).join(',')}`}>
          {t('myTerms.sheet')}
        </a>
        {!confirming && (
          <button
            ref={clearButton}
            type="button"
            class="button button--quiet my-terms__clear"
            onClick={() => setConfirming(true)}
          >
            {t('myTerms.clear')}
          </button>
        )}
      </div>
      {confirming && (
        <div class="my-terms__confirm" role="group" aria-labelledby="my-terms-clear-ask">
          <p id="my-terms-clear-ask">{t('myTerms.clearAsk', rows.length)}</p>
          <div class="my-terms__actions">
            <button type="button" class="button my-terms__clear-yes" onClick={clear}>
              {t('myTerms.clearYes')}
            </button>
            <button ref={keepButton} type="button" class="button button--quiet" onClick={keep}>
              {t('myTerms.clearNo')}
            </button>
          </div>
        </div>
      )}
      {status}
    </>
  );
}

function LookUpRow({
  id,
  term,
  lookUps,
  onOpen,
}: {
  id: string;
  term: string;
  lookUps: LookUps;
  onOpen(id: string): void;
}) {
  return (
    <li class="my-terms__item" data-entry={id}>
      <button type="button" class="link-button my-terms__term" lang={glossaryLang()} onClick={() => onOpen(id)}>
        {term}
      </button>
      <span class="my-terms__count">{t('myTerms.opened', lookUps.count, { date: dateOf(lookUps.last) })}</span>
      <button
        type="button"
        class="button button--quiet my-terms__forget"
        aria-label={t('myTerms.forgetLabel', { term })}
        onClick={() => logged(forgetMyTerm(id))}
      >
        {t('myTerms.forget')}
      </button>
      {lookUps.pages.length > 0 && (
        <details class="my-terms__pages-list">
          <summary>{t('myTerms.pagesCount', lookUps.pages.length)}</summary>
          <ul>
            {[...lookUps.pages].reverse().map((page) => (
              <li key={page}>{page}</li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}
