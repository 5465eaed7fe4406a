import { GraphQLLocalDate } from 'graphql-scalars';

/** Calendar dates (`YYYY-MM-DD`) for validity periods: legal validity has no time of day nor time zone. */
export const LocalDateScalar = GraphQLLocalDate;

export const today = (): string => new Date().toISOString().slice(0, 10);
