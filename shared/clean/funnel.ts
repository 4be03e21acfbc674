import type { Funnel, FunnelPos } from '../omi/types';
import { isPlaceholder } from './placeholder';
import { foldKey } from './text-compare';
import { change, issue, plain, type Cleaned } from './types';

/**
 * A status name → the contact's position in a funnel (`filterContacts`). Accepts a level-1 status
 * (`Mới`), a level-1 and level-2 pair (`Mới > Chưa gọi`, `Mới / Chưa gọi`, `Mới - Chưa gọi`), a level-2
 * name alone when only one level-1 status holds it, and the position written as numbers (`1`, `1.2`).
 * Accents, case and spacing are ignored. Unknown statuses are warnings; the contact goes in without a position.
 */
export function cleanFunnelStatus(funnel: Funnel, cell: string): Cleaned<FunnelPos | undefined> {
  const text = cell.trim();
  if (text === '' || isPlaceholder(text)) return plain(undefined);
  const found = findStatus(funnel, text);
  if (found) {
    const label = found.child ? `${found.status.name} > ${found.child.name}` : found.status.name;
    const pos: FunnelPos = { id: funnel.id, index: found.status.index };
    if (found.child) pos.secondLevelIndex = found.child.index;
    return label === text
      ? plain(pos)
      : { value: pos, changes: [change('funnel.status', text, label, {
        vi: `"${text}" là trạng thái "${label}" của "${funnel.name}".`,
        en: `"${text}" is the status "${label}" of "${funnel.name}".`,
      })], issues: [] };
  }
  const names = funnel.statuses.map((s) => s.name).join(', ');
  return {
    value: undefined,
    changes: [],
    issues: [issue('warning', 'funnel.unknown-status', {
      vi: `"${text}" không phải trạng thái của "${funnel.name}" (${names}). Khách hàng sẽ được nhập không có trạng thái này.`,
      en: `"${text}" is not a status of "${funnel.name}" (${names}). The contact will be imported without this status.`,
    })],
  };
}

type Found = { status: Funnel['statuses'][number]; child?: Funnel['statuses'][number]['children'][number] };

function findStatus(funnel: Funnel, text: string): Found | undefined {
  const whole = foldKey(text);
  const numeric = /^(\d+)(?:\s*[.>/-]\s*(\d+))?$/.exec(text);
  if (numeric) {
    const status = funnel.statuses.find((s) => s.index === Number(numeric[1]));
    if (status && !numeric[2]) return { status };
    const child = status?.children.find((c) => c.index === Number(numeric[2]));
    if (status && child) return { status, child };
  }
  const direct = funnel.statuses.find((s) => foldKey(s.name) === whole);
  if (direct) return { status: direct };
  // Two levels: try every split point on > / - : so names that contain a separator still match.
  const seps = [...text.matchAll(/\s*(?:>|\/|\\|→|»|:|\s-\s|-)\s*/g)];
  for (const m of seps) {
    const a = foldKey(text.slice(0, m.index));
    const b = foldKey(text.slice(m.index! + m[0].length));
    const status = funnel.statuses.find((s) => foldKey(s.name) === a);
    const child = status?.children.find((c) => foldKey(c.name) === b);
    if (status && child) return { status, child };
  }
  const owners = funnel.statuses.filter((s) => s.children.some((c) => foldKey(c.name) === whole));
  if (owners.length === 1) return { status: owners[0], child: owners[0].children.find((c) => foldKey(c.name) === whole) };
  return undefined;
}
