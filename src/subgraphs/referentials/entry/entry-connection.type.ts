import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../kernel/graphql/connection';
import { Entry } from './entry.entity';

@ObjectType({ description: 'A page of entries: by code, or by relevance when searching.' })
export class EntryConnection extends ConnectionType(Entry) {}
