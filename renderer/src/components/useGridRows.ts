/**
 * Fetches the grid's rows from the worker a page at a time, only the pages around the window, and forgets them
 * all when the data changes (`version`). The UI thread never holds more than a few thousand rows.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { callWorker } from '../workers/client';
import type { GridRow } from '../workers/protocol';

const PAGE = 100;
const MAX_PAGES = 40;
/**
 * Rows fetched beyond the window in the direction of scrolling, and behind it. Dragging the scroll bar moves
 * ~20 rows a frame: three pages ahead arrive before their rows are on screen, so rows are drawn once with their
 * content rather than first as empty placeholders and again when the page lands.
 */
const AHEAD = 3 * PAGE;
const BEHIND = PAGE / 2;

/**
 * The rows of the grid's current view, fetched in pages: `want` the window, `get` a row if it has arrived; `tick`
 * changes whenever rows arrive (or are forgotten).
 */
export function useGridRows(version: number) {
  const cache = useRef(new Map<number, GridRow[]>());
  const loading = useRef(new Set<number>());
  const forVersion = useRef(version);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    forVersion.current = version;
    cache.current = new Map();
    loading.current = new Set();
    setTick((n) => n + 1);
  }, [version]);

  const fetchPage = useCallback((page: number) => {
    if (cache.current.has(page) || loading.current.has(page)) return;
    loading.current.add(page);
    const v = forVersion.current;
    void callWorker('rows', { from: page * PAGE, to: (page + 1) * PAGE }).then(
      (rows) => {
        if (v !== forVersion.current) return;
        loading.current.delete(page);
        cache.current.set(page, rows);
        // Keep memory bounded while scrolling through 200,000 rows (oldest page first).
        if (cache.current.size > MAX_PAGES) cache.current.delete(cache.current.keys().next().value!);
        setTick((n) => n + 1);
      },
      () => loading.current.delete(page),
    );
  }, []);

  /**
   * Asks for the pages covering the window [from, to) first, then those ahead in the scrolling `direction`
   * (1 down, -1 up) and a little behind, up to `count` rows.
   */
  const want = useCallback((from: number, to: number, count: number, direction: 1 | -1 = 1) => {
    const pages = (a: number, b: number) => {
      for (let page = Math.floor(Math.max(0, a) / PAGE); page * PAGE < Math.min(count, b); page++) fetchPage(page);
    };
    pages(from, to);
    if (direction > 0) pages(to, to + AHEAD);
    else pages(from - AHEAD, from);
    pages(from - BEHIND, to + BEHIND);
  }, [fetchPage]);

  const get = useCallback((index: number): GridRow | undefined => cache.current.get(Math.floor(index / PAGE))?.[index % PAGE], []);

  return { want, get, tick };
}
