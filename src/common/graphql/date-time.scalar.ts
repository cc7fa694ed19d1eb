import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

/** The calendar date and clock time as written exist (no 30 February, no 24:00). */
function exists(value: string): boolean {
  const [, y, m, d, h, min, s] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value)!.map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCMonth() === m - 1 && day.getUTCDate() === d && h < 24 && min < 60 && (Number.isNaN(s) || s < 60);
}

function parse(value: unknown): Date {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value) || Number.isNaN(Date.parse(value)) || !exists(value)) {
    throw new GraphQLError(`DateTime must be an ISO-8601 instant with offset, e.g. 2019-07-16T08:45:00+01:00`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return new Date(value);
}

/** An instant: accepts ISO-8601 with offset, answers in UTC (2019-07-16T07:45:00.000Z). */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant, ISO-8601 with offset. Output in UTC, e.g. 2019-07-16T07:45:00.000Z.',
  serialize: (value) => new Date(value as string | Date).toISOString(),
  parseValue: parse,
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
});
