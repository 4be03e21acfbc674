/**
 * The review grid's one tooltip: the reasons behind a highlighted cell (each issue with its suggestion, each
 * automatic change before → after; a column header's target, a row number's duplicate) for the cell under the
 * mouse or the active cell when moving by keyboard.
 * One element for the whole grid (not a title per cell), floating at the cell, hidden while the grid scrolls so
 * it costs nothing per scroll frame; its text also describes the active cell for screen readers.
 */
import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type Ref } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { CellReason } from './gridCells';

/** What the grid tells its tooltip. */
export interface GridTooltipHandle {
  /**
   * Shows `reasons` at `cell` (after a short pause for the mouse, at once for the keyboard). For the keyboard the
   * cell may not be drawn yet (a jump far away): the tooltip then finds it with `locate` once scrolling stops.
   */
  show(cell: HTMLElement | null, reasons: CellReason[], source: 'mouse' | 'keyboard'): void;
  hide(): void;
  /** The grid scrolled: hide now; a keyboard tooltip comes back at its cell once scrolling stops. */
  scrolled(): void;
}

interface Props {
  id: string;
  /**
   * Finds the cell a keyboard tooltip belongs to again after scrolling (its element may have been recycled);
   * null when it is not in view.
   */
  locate(): HTMLElement | null;
  ref?: Ref<GridTooltipHandle>;
}

interface TipState {
  reasons: CellReason[];
  source: 'mouse' | 'keyboard';
  /** The cell's box in the window when shown. */
  anchor: { top: number; bottom: number; left: number };
  visible: boolean;
}

const HOVER_DELAY_MS = 300;
const SCROLL_IDLE_MS = 150;
const GAP = 4;
const MAX_WIDTH = 360;

/** The cell's box in the window. */
function anchorOf(cell: HTMLElement): TipState['anchor'] {
  const r = cell.getBoundingClientRect();
  return { top: r.top, bottom: r.bottom, left: r.left };
}

/** The tooltip element (in a portal on <body>, so the grid's clipping and containment do not cut it). */
export function GridTooltip({ id, locate, ref }: Props) {
  const { t, i18n } = useTranslation();
  const [tip, setTip] = useState<TipState | null>(null);
  const el = useRef<HTMLDivElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const current = useRef<TipState | null>(null);
  current.current = tip;
  const locateRef = useRef(locate);
  locateRef.current = locate;

  /** Puts a keyboard tooltip back at its cell when that cell is in view. */
  const relocate = useCallback(() => {
    const cell = locateRef.current();
    setTip((x) => (x?.source === 'keyboard' ? { ...x, anchor: cell ? anchorOf(cell) : x.anchor, visible: !!cell && x.reasons.length > 0 } : x));
  }, []);

  useImperativeHandle(ref, () => ({
    show(cell, reasons, source) {
      clearTimeout(timer.current);
      if (!cell) {
        // Not drawn yet: remembered, and placed once the grid has scrolled to it.
        setTip({ reasons, source, anchor: { top: 0, bottom: 0, left: 0 }, visible: false });
        timer.current = setTimeout(relocate, SCROLL_IDLE_MS);
        return;
      }
      const open = () => setTip({ reasons, source, anchor: anchorOf(cell), visible: reasons.length > 0 });
      if (source === 'keyboard' || current.current?.visible) open();
      else {
        setTip((s) => (s ? { ...s, visible: false } : s));
        timer.current = setTimeout(() => { if (cell.isConnected) open(); }, HOVER_DELAY_MS);
      }
    },
    hide() {
      clearTimeout(timer.current);
      setTip((s) => (s?.visible ? { ...s, visible: false } : s));
    },
    scrolled() {
      clearTimeout(timer.current);
      const s = current.current;
      if (s?.visible) setTip({ ...s, visible: false });
      if (s?.source !== 'keyboard') return;
      timer.current = setTimeout(relocate, SCROLL_IDLE_MS);
    },
  }), [relocate]);

  useEffect(() => () => clearTimeout(timer.current), []);

  // Its reasons were put in words when it opened: a tooltip open while the language changes closes, and the next
  // hover opens it in the new language.
  useEffect(() => {
    const close = () => setTip((s) => (s?.visible ? { ...s, visible: false } : s));
    i18n.on('languageChanged', close);
    return () => i18n.off('languageChanged', close);
  }, [i18n]);

  // Placed once drawn (its size is known then): under the cell, or above it when there is no room below, and
  // kept inside the window.
  useLayoutEffect(() => {
    const e = el.current;
    if (!tip?.visible || !e) return;
    const { top, bottom, left } = tip.anchor;
    const h = e.offsetHeight;
    e.style.top = `${bottom + GAP + h > window.innerHeight ? Math.max(GAP, top - GAP - h) : bottom + GAP}px`;
    e.style.left = `${Math.max(GAP, Math.min(left, window.innerWidth - e.offsetWidth - GAP))}px`;
  }, [tip]);

  return createPortal(
    <div
      ref={el}
      id={id}
      role="tooltip"
      className="grid-tip"
      data-testid="grid-tooltip"
      hidden={!tip?.visible}
      style={{ maxWidth: MAX_WIDTH }}
    >
      {tip?.reasons.map((r, i) => (
        <div key={i} className={`grid-tip-item grid-tip-${r.kind}`}>
          {r.kind === 'note' ? r.text : r.kind === 'kept' ? (
            <>
              <span className="grid-tip-label">{t('grid.kept')}</span>{' '}
              {r.codes.map((code) => t(`change.${code}`, { defaultValue: code })).join(', ')}
            </>
          ) : r.kind === 'change' ? (
            <>
              <span className="grid-tip-label">{t('grid.changed')}</span>{' '}
              <span className="grid-tip-value">{r.before}</span> → <span className="grid-tip-value">{r.after}</span>
              <div>{r.message}</div>
            </>
          ) : (
            <>
              <span className="grid-tip-label">{t(`severity.${r.kind}`)}</span>{' '}{r.message}
              {r.suggestion !== undefined && <div>{t('grid.suggestion')} <span className="grid-tip-value">{r.suggestion}</span></div>}
            </>
          )}
        </div>
      ))}
    </div>,
    document.body,
  );
}
