import { perRequest } from '../../kernel/graphql/request-services';
import { ExchangeService } from './exchange/exchange.service';
import { SchemaVersionService } from './schema-version/schema-version.service';

/** The exchanges services of one request, wired together: resolvers take them from here instead of constructing them. */
export const exchangesServices = perRequest(({ em }) => {
  const exchanges = new ExchangeService(em);
  return { exchanges, schemaVersions: new SchemaVersionService(em, exchanges) };
});
