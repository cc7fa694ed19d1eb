import pg from 'pg';

/**
 * What runs every second whatever the requests do: the webhook dispatcher's outbox polls and fan-out, and the
 * rate limits shared between replicas.
 */
const BACKGROUND = /webhook_deliveries|event_changes WHERE fanned_out_at|rate_limit_counts/;
const BEGIN = /^\s*(START TRANSACTION|BEGIN)\b/i;
const END = /^\s*(COMMIT|ROLLBACK)\s*;?\s*$/i;

/**
 * Every statement sent to PostgreSQL (through pg.Client, which TypeORM's pool uses) while `fn` runs, but for the
 * webhook dispatcher's: a statement of its own, and every statement of a transaction that has one, are left out
 * (a transaction is told apart by its connection), as is a transaction still open when `fn` is done (`fn` has had
 * its answer, so not one of its own).
 */
export async function statementsDuring<T>(fn: () => Promise<T>): Promise<{ result: T; sql: string[] }> {
  const sql: string[] = [];
  const transactions = new Map<pg.Client, { statements: string[]; background: boolean }>();
  const client = pg.Client.prototype as unknown as { query: (this: pg.Client, ...args: unknown[]) => unknown };
  const original = client.query;
  client.query = function (...args) {
    const [config] = args;
    const text = typeof config === 'string' ? config : String((config as { text?: string }).text);
    const open = transactions.get(this);
    if (BEGIN.test(text)) {
      transactions.set(this, { statements: [text], background: false });
    } else if (open) {
      open.statements.push(text);
      open.background ||= BACKGROUND.test(text);
      if (END.test(text)) {
        transactions.delete(this);
        if (!open.background) sql.push(...open.statements);
      }
    } else if (!BACKGROUND.test(text) && !END.test(text)) {
      sql.push(text); // (the end of a transaction begun before `fn` is not one of its own either)
    }
    return original.apply(this, args);
  };
  try {
    return { result: await fn(), sql };
  } finally {
    client.query = original;
  }
}

/** The tables a list of statements writes to (INSERT, UPDATE, DELETE), each once, sorted. */
export const tablesWritten = (sql: readonly string[]): string[] =>
  [
    ...new Set(
      sql.flatMap((s) =>
        [...s.matchAll(/\b(?:INSERT INTO|(?<!DO |FOR )UPDATE|DELETE FROM)\s+([a-z_]+)/gi)].map((m) => m[1]),
      ),
    ),
  ].sort();
