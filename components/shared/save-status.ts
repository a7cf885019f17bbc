// Whether the last settings change made in this page was saved. The popup and the overview show a failure in one
// line (components/shared/save-problem.tsx) where the change was made; the controls themselves show what is stored
// (the settings watch), so a change that was not saved never looks as if it took.
import { useEffect, useState } from 'preact/hooks';
import { writeFailureMessage } from '../../settings';

export interface SaveFailure {
  /** The reader's words (settings/write-errors.ts). */
  text: string;
  /** New for every failure, so the same failure twice is announced twice and redraws the page's controls. */
  id: number;
}

const listeners = new Set<(failure: SaveFailure | null) => void>();
let current: SaveFailure | null = null;
let count = 0;

function publish(failure: SaveFailure | null): void {
  current = failure;
  listeners.forEach((listener) => listener(failure));
}

/**
 * Runs a settings change from the page: resolves to true when it was saved (and clears an earlier failure), false
 * when it was not, after saying why. Never rejects.
 */
export function saved(change: Promise<unknown>): Promise<boolean> {
  return change.then(
    () => {
      if (current) publish(null);
      return true;
    },
    (error: unknown) => {
      console.warn(error);
      publish({ text: writeFailureMessage(error), id: ++count });
      return false;
    },
  );
}

/** Takes the failure line away (its Dismiss button). */
export const dismissSaveFailure = (): void => publish(null);

/**
 * The last failure, as state of the page's root component: its change redraws the whole page, so a checkbox or
 * radio button the reader changed goes back to the stored value.
 */
export function useSaveFailure(): SaveFailure | null {
  const [failure, setFailure] = useState(current);
  useEffect(() => {
    listeners.add(setFailure);
    return () => void listeners.delete(setFailure);
  }, []);
  return failure;
}
