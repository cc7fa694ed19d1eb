import { ObjectType } from '@nestjs/graphql';
import { ConnectionOf } from '../common/graphql/connection.model.js';
import type { SpeakerView } from './speaker-view.js';
import { Speaker } from './speaker.model.js';

@ObjectType()
export class SpeakerConnection extends ConnectionOf<SpeakerView>(Speaker, 'Speaker') {}
