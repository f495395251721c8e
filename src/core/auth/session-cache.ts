import type { Database, Db } from '../db/database.ts';
import { everything, type Listening } from '../db/notifications.ts';
import { loadSessionUser, type LoadedSession, type SessionLifetimes } from './sessions.ts';
import { hashToken } from './tokens.ts';

/** The channel the database's triggers notify on (migration 0016): a user's id, or '*'. */
export const sessionChangeChannel = 'rk_session_change';
/** How long a process answers from memory before it reads the session again. */
export const sessionKeepMs = 5_000;

interface Entry {
  session: LoadedSession;
  keptUntil: number;
}

/**
 * The signed-in user of each recent session, kept per process for a few seconds (decision 0016).
 *
 * Every write that changes what a session shows (its end, the user, a membership, a role, a
 * coordinated network, an organisation's name) notifies `sessionChangeChannel` from a trigger, in
 * whichever process made it; every process listens and forgets that user's sessions. A read that
 * was under way while a notification came in is not kept (the generation check), so an answer from
 * before a logout cannot be stored after it. While the subscription is not active (PostgreSQL: the
 * listening connection is lost), nothing is kept or answered from memory.
 */
export class SessionCache {
  readonly #entries = new Map<string, Entry>();
  readonly #keepMs: number;
  #generation = 0;
  #listening: Listening | undefined;
  #nextSweepAt = 0;

  private constructor(keepMs: number) {
    this.#keepMs = keepMs;
  }

  static async start(database: Pick<Database, 'listen'>, keepMs = sessionKeepMs): Promise<SessionCache> {
    const cache = new SessionCache(keepMs);
    cache.#listening = await database.listen(sessionChangeChannel, (payload) => cache.forget(payload));
    return cache;
  }

  /** Forgets the sessions of the user with this id, or all of them for '*'. */
  forget(payload: string): void {
    this.#generation++;
    if (payload === everything) {
      this.#entries.clear();
      return;
    }
    const userId = Number(payload);
    for (const [sessionId, entry] of this.#entries)
      if (entry.session.user.id === userId) this.#entries.delete(sessionId);
  }

  /** The session of this cookie token from memory when fresh, else read in one query and kept. */
  async load(db: Db, token: string, lifetimes?: SessionLifetimes): Promise<LoadedSession | null> {
    const sessionId = hashToken(token);
    const now = Date.now();
    const isTrusted = this.#listening?.isActive === true;
    const kept = this.#entries.get(sessionId);
    if (kept && isTrusted && now < kept.keptUntil) return kept.session;

    const generation = this.#generation;
    const session = await loadSessionUser(db, token, lifetimes);
    if (!session) {
      this.#entries.delete(sessionId);
      return null;
    }
    if (isTrusted && this.#listening?.isActive && generation === this.#generation) {
      this.#sweep(now);
      this.#entries.set(sessionId, { session, keptUntil: Math.min(now + this.#keepMs, session.endsAt) });
    }
    return session;
  }

  /** Resolves once this process has heard of every change committed before the call. */
  async settle(): Promise<void> {
    await this.#listening?.settle?.();
  }

  /** How many sessions are kept now (for tests and metrics). */
  get size(): number {
    return this.#entries.size;
  }

  #sweep(now: number): void {
    if (now < this.#nextSweepAt) return;
    this.#nextSweepAt = now + this.#keepMs;
    for (const [sessionId, entry] of this.#entries)
      if (entry.keptUntil <= now) this.#entries.delete(sessionId);
  }

  async close(): Promise<void> {
    this.#entries.clear();
    await this.#listening?.close();
  }
}
