import type { Funnel, FunnelStatus } from './types';
import { asRecord, pickArray, pickNumber, pickText, unwrapList } from './tolerant';

const ID_KEYS = ['id', '_id', 'public_id', 'publicId', 'code', 'key', 'funnel_id', 'funnelId'];
const NAME_KEYS = ['name', 'label', 'title', 'display_name', 'displayName', 'text', 'funnel_name', 'funnelName'];
const LEVEL1_KEYS = ['statuses', 'levels', 'children', 'status', 'stages', 'steps', 'items', 'values', 'options'];
const LEVEL2_KEYS = ['children', 'statuses', 'levels', 'sub_statuses', 'subStatuses', 'items', 'stages'];
const INDEX_KEYS = ['index', 'position', 'order', 'idx', 'sort', 'level_index', 'levelIndex'];

function readStatuses(list: unknown[], childKeys: readonly string[] | null): FunnelStatus[] {
  const out: FunnelStatus[] = [];
  list.forEach((s, i) => {
    const r = asRecord(s);
    const name = typeof s === 'string' ? s : r ? pickText(r, NAME_KEYS) ?? pickText(r, ID_KEYS) : undefined;
    if (name === undefined) return;
    const children = r && childKeys ? readStatuses(pickArray(r, childKeys) ?? [], null) : [];
    out.push({
      // The position is what FunnelPos.index refers to; when the server does not say, it is the order sent.
      index: (r && pickNumber(r, INDEX_KEYS)) ?? i + 1,
      name,
      children: children.map((c) => ({ index: c.index, name: c.name })),
    });
  });
  return out.sort((a, b) => a.index - b.index);
}

/**
 * Reads the funnel-list payload ("bộ trạng thái") tolerantly: id / _id / code; name / label / title;
 * level-1 statuses under statuses / levels / children / stages; level-2 under children / statuses / levels;
 * a list wrapped in an object ({items: […]}, {data: […]}). Statuses are ordered by their index (or the order
 * sent when there is none). Each result keeps the funnel as sent in `raw`.
 */
export function readFunnelList(payload: unknown): Funnel[] {
  const out: Funnel[] = [];
  for (const entry of unwrapList(payload, ['funnels', 'filterContacts', 'filter_contacts'])) {
    const r = asRecord(entry);
    if (!r) continue;
    const id = pickText(r, ID_KEYS);
    if (id === undefined) continue;
    out.push({
      id,
      name: pickText(r, NAME_KEYS) ?? id,
      statuses: readStatuses(pickArray(r, LEVEL1_KEYS) ?? [], LEVEL2_KEYS),
      raw: entry,
    });
  }
  return out;
}
