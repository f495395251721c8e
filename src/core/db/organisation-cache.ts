import type { Database } from './database.ts';
import { everything, type Listening } from './notifications.ts';

/** The channel the database's triggers notify on (migration 0023): an organisation's id, or '*'. */
export const organisationChangeChannel = 'rk_organisation_change';
/** How long a process answers from memory before it reads again, changes or not. */
export const organisationKeepMs = 5_000;
/** At most this many organisations are kept, and this many entries (users, languages) per organisation. */
const mostOrganisations = 1_000;
const mostEntriesPerOrganisation = 200;

interface Entry {
  value: unknown;
  keptUntil: number;
}

/**
 * What pages show of an organisation's own data, kept per process for a few seconds (decision 0027),
 * as the session cache keeps sessions (decision 0016).
 *
 * Every write that changes what is kept here notifies `organisationChangeChannel` from a trigger, in
 * whichever process made it; every process listens and forgets that organisation's entries (all of
 * them for '*'). A read that was under way while a notification for the organisation came in is not
 * kept, so an answer from before a change cannot be stored after it. While the subscription is not
 * active (PostgreSQL: the listening connection is lost), nothing is kept or answered from memory.
 *
 * Entries are found by organisation id first, so an organisation's key can only ever reach its own
 * entries; a key names what is kept and everything it depends on besides the organisation's data
 * (the user, the language, the role).
 */
export class OrganisationCache {
  readonly #organisations = new Map<number, Map<string, Entry>>();
  /** Per organisation, how many notifications concerned it; `#everyone` counts '*'. */
  readonly #generations = new Map<number, number>();
  #everyone = 0;
  /** Reads under way, so that ten requests that miss at once share one read. */
  readonly #reading = new Map<string, { generation: string; value: Promise<unknown> }>();
  readonly #keepMs: number;
  #listening: Listening | undefined;

  private constructor(keepMs: number) {
    this.#keepMs = keepMs;
  }

  static async start(
    database: Pick<Database, 'listen'>,
    keepMs = organisationKeepMs,
  ): Promise<OrganisationCache> {
    const cache = new OrganisationCache(keepMs);
    cache.#listening = await database.listen(organisationChangeChannel, (payload) => cache.forget(payload));
    return cache;
  }

  /** Forgets what is kept of the organisation with this id, or of all of them for '*'. */
  forget(payload: string): void {
    if (payload === everything) {
      this.#everyone++;
      this.#organisations.clear();
      this.#generations.clear();
      return;
    }
    const id = Number(payload);
    if (!Number.isInteger(id)) return;
    this.#generations.set(id, (this.#generations.get(id) ?? 0) + 1);
    this.#organisations.delete(id);
  }

  /** The value kept for this organisation and key when fresh, else `read()`'s answer, kept when safe. */
  async get<T>(organisationId: number, key: string, read: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const isTrusted = this.#listening?.isActive === true;
    const kept = this.#organisations.get(organisationId)?.get(key);
    if (kept && isTrusted && now < kept.keptUntil) return kept.value as T;

    const before = this.#generationOf(organisationId);
    const id = `${organisationId}:${key}`;
    const shared = this.#reading.get(id);
    if (isTrusted && shared?.generation === before) return shared.value as Promise<T>;
    const reading = read();
    if (isTrusted) this.#reading.set(id, { generation: before, value: reading });
    try {
      const value = await reading;
      if (isTrusted && this.#listening?.isActive && before === this.#generationOf(organisationId))
        this.#keep(organisationId, key, { value, keptUntil: now + this.#keepMs }, now);
      return value;
    } finally {
      if (this.#reading.get(id)?.value === reading) this.#reading.delete(id);
    }
  }

  /** Resolves once this process has heard of every change committed before the call. */
  async settle(): Promise<void> {
    await this.#listening?.settle?.();
  }

  /** How many entries are kept now (for tests). */
  get size(): number {
    let n = 0;
    for (const entries of this.#organisations.values()) n += entries.size;
    return n;
  }

  async close(): Promise<void> {
    this.#organisations.clear();
    await this.#listening?.close();
  }

  #generationOf(organisationId: number): string {
    return `${this.#everyone}:${this.#generations.get(organisationId) ?? 0}`;
  }

  #keep(organisationId: number, key: string, entry: Entry, now: number): void {
    let entries = this.#organisations.get(organisationId);
    if (entries) {
      // Most recently used last: the first organisation in the map is the one to drop.
      this.#organisations.delete(organisationId);
    } else {
      entries = new Map();
      if (this.#organisations.size >= mostOrganisations) this.#dropOldest(now);
    }
    this.#organisations.set(organisationId, entries);
    entries.delete(key);
    if (entries.size >= mostEntriesPerOrganisation) {
      for (const [k, e] of entries) if (e.keptUntil <= now) entries.delete(k);
      const oldest = entries.keys().next();
      if (entries.size >= mostEntriesPerOrganisation && !oldest.done) entries.delete(oldest.value);
    }
    entries.set(key, entry);
  }

  #dropOldest(now: number): void {
    for (const [id, entries] of this.#organisations) {
      for (const [k, e] of entries) if (e.keptUntil <= now) entries.delete(k);
      if (entries.size === 0) this.#organisations.delete(id);
    }
    const oldest = this.#organisations.keys().next();
    if (this.#organisations.size >= mostOrganisations && !oldest.done)
      this.#organisations.delete(oldest.value);
  }
}
