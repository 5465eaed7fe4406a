import { GraphQLError, GraphQLScalarType, type ValueNode } from 'graphql';
import { GraphQLLocalDate } from 'graphql-scalars';

/** PostgreSQL's `date` holds years 1 to 9999 here (year 0 does not exist, and five-digit years are not calendar dates). */
function inPostgresRange(date: unknown): unknown {
  if (typeof date === 'string' && !/^(?!0000)\d{4}-/.test(date))
    throw new GraphQLError(`LocalDate must be between 0001-01-01 and 9999-12-31, got ${date.slice(0, 20)}`, { extensions: { code: 'BAD_USER_INPUT' } });
  return date;
}

/** Calendar dates (`YYYY-MM-DD`) for validity periods: legal validity has no time of day nor time zone. */
export const LocalDateScalar = new GraphQLScalarType({
  ...GraphQLLocalDate.toConfig(),
  parseValue: (value: unknown) => inPostgresRange(GraphQLLocalDate.parseValue(value)),
  parseLiteral: (ast: ValueNode, variables?: { [key: string]: unknown } | null) => inPostgresRange(GraphQLLocalDate.parseLiteral(ast, variables)),
});

export const today = (): string => new Date().toISOString().slice(0, 10);
