import { ExchangeParty } from './exchange/exchange-party.entity';
import { ExchangeReferential } from './exchange/exchange-referential.entity';
import { Exchange } from './exchange/exchange.entity';
import { SchemaVersion } from './schema-version/schema-version.entity';

export const exchangesEntities = [Exchange, ExchangeParty, ExchangeReferential, SchemaVersion];
