import { ObjectType } from '@nestjs/graphql';
import { ConnectionOf } from '../../common/graphql/connection.model.js';
import type { EventView } from '../domain/event-view.js';
import { EventModel } from './event.model.js';

@ObjectType()
export class EventConnection extends ConnectionOf<EventView>(EventModel, 'Event') {}
