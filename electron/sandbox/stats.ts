/** Request counts by endpoint and outcome, for `GET /__sandbox/stats` (tests check what reached the server). */

/** How one API call ended. */
export type Outcome =
  | 'ok' | 'partial' | 'rejected' | 'not-found' | 'bad-request' | 'unauthorized' | 'rate-limited' | 'too-large'
  | 'server-error' | 'status-code' | 'dropped' | 'timeout' | 'malformed' | 'unknown-route' | 'wrong-method';

export interface StatsReport {
  total: number;
  byOutcome: Partial<Record<Outcome, number>>;
  /** endpoint name (add, addMany, …, or "other") → outcome → count. */
  byEndpoint: Record<string, Partial<Record<Outcome, number>>>;
  /** Contacts created through add / addMany since start or reset. */
  contactsCreated: number;
}

export class Stats {
  private report: StatsReport = Stats.empty();

  private static empty(): StatsReport {
    return { total: 0, byOutcome: {}, byEndpoint: {}, contactsCreated: 0 };
  }

  count(endpoint: string, outcome: Outcome): void {
    const r = this.report;
    r.total++;
    r.byOutcome[outcome] = (r.byOutcome[outcome] ?? 0) + 1;
    const e = (r.byEndpoint[endpoint] ??= {});
    e[outcome] = (e[outcome] ?? 0) + 1;
  }

  created(n: number): void {
    this.report.contactsCreated += n;
  }

  get(): StatsReport {
    return structuredClone(this.report);
  }

  clear(): void {
    this.report = Stats.empty();
  }
}
