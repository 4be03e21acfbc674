/**
 * Fetches the grid's rows from the worker a page at a time, only the pages on screen, and forgets them all
 * when the data changes (`version`). The UI thread never holds more than a few hundred rows.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { callWorker } from '../workers/client';
import type { GridRow } from '../workers/protocol';

const PAGE = 100;
const MAX_PAGES = 40;

export function useGridRows(version: number) {
  const cache = useRef(new Map<number, GridRow[]>());
  const loading = useRef(new Set<number>());
  const forVersion = useRef(version);
  const [, setTick] = useState(0);

  useEffect(() => {
    forVersion.current = version;
    cache.current = new Map();
    loading.current = new Set();
    setTick((n) => n + 1);
  }, [version]);

  /** Asks for the pages covering [from, to) that are not cached yet. */
  const want = useCallback((from: number, to: number) => {
    for (let page = Math.floor(from / PAGE); page * PAGE < to; page++) {
      if (cache.current.has(page) || loading.current.has(page)) continue;
      loading.current.add(page);
      const v = forVersion.current;
      void callWorker('rows', { from: page * PAGE, to: (page + 1) * PAGE }).then(
        (rows) => {
          if (v !== forVersion.current) return;
          loading.current.delete(page);
          cache.current.set(page, rows);
          // Keep memory bounded while scrolling through 200,000 rows.
          if (cache.current.size > MAX_PAGES) cache.current.delete(cache.current.keys().next().value!);
          setTick((n) => n + 1);
        },
        () => loading.current.delete(page),
      );
    }
  }, []);

  const get = useCallback((index: number): GridRow | undefined => cache.current.get(Math.floor(index / PAGE))?.[index % PAGE], []);

  return { want, get };
}
