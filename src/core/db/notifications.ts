import pg from 'pg';

/** A subscription to a notification channel (LISTEN/NOTIFY), from `Database.listen`. */
export interface Listening {
  /** True while notifications arrive; while false, nothing kept on their strength can be trusted. */
  readonly isActive: boolean;
  /**
   * Resolves once every notification of a transaction that committed before the call has reached
   * the listener (PostgreSQL: a round trip on the listening connection, which delivers what is
   * pending before it answers; PGlite: at once, its notifications come before the commit's answer).
   */
  settle?(): Promise<void>;
  close(): Promise<void>;
}

/** The payload that means "forget everything": some notifications may have been missed. */
export const everything = '*';
const retryMs = 1_000;

/**
 * PostgreSQL: one connection of its own per channel, outside the pool (a pooled connection would
 * go back to the pool and stop listening). When the connection is lost, the subscription is
 * inactive until a new one listens again, and the listener then hears `everything`, since whatever
 * was sent in between is gone.
 */
export async function listenOnPostgres(
  databaseUrl: string,
  channel: string,
  listener: (payload: string) => void,
): Promise<Listening> {
  let client: pg.Client | undefined;
  let isActive = false;
  let isClosed = false;
  let retry: NodeJS.Timeout | undefined;

  const lost = (which: pg.Client) => {
    if (client !== which) return;
    client = undefined;
    isActive = false;
    which.end().catch(() => undefined);
    if (!isClosed) retry = setTimeout(() => void connect(), retryMs).unref();
  };

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: databaseUrl });
    client = next;
    next.on('error', () => lost(next));
    next.on('end', () => lost(next));
    next.on('notification', (message) => {
      if (message.channel === channel) listener(message.payload ?? everything);
    });
    try {
      await next.connect();
      await next.query(`listen ${pg.escapeIdentifier(channel)}`);
    } catch {
      lost(next);
      return;
    }
    if (client !== next) return;
    listener(everything);
    isActive = true;
  }

  await connect();
  return {
    get isActive() {
      return isActive;
    },
    async settle() {
      if (isActive) await client?.query('select 1').catch(() => undefined);
    },
    async close() {
      isClosed = true;
      clearTimeout(retry);
      isActive = false;
      const last = client;
      client = undefined;
      await last?.end().catch(() => undefined);
    },
  };
}
