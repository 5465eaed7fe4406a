import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../kernel/graphql/connection';
import { Court } from './court.entity';

@ObjectType({ description: 'A page of courts, ordered by code.' })
export class CourtConnection extends ConnectionType(Court) {}
