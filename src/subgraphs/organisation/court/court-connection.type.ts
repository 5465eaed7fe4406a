import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../kernel/graphql/connection';
import { Court, type CourtNode } from './court.entity';

@ObjectType({ description: 'A page of courts, ordered by code.' })
export class CourtConnection extends ConnectionType<CourtNode>(Court) {}
