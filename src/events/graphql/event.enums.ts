import { registerEnumType } from '@nestjs/graphql';
import { enumOf } from '../../common/graphql/enum-of.js';
import { ATTENDANCE_MODES, EVENT_STATUSES, PUBLICATION_STATES } from '../domain/event-enums.js';

export const PublicationStateEnum = enumOf(PUBLICATION_STATES);
registerEnumType(PublicationStateEnum, { name: 'PublicationState' });

export const EventStatusEnum = enumOf(EVENT_STATUSES);
registerEnumType(EventStatusEnum, { name: 'EventStatus', description: 'schema.org EventStatusType.' });

export const AttendanceModeEnum = enumOf(ATTENDANCE_MODES);
registerEnumType(AttendanceModeEnum, { name: 'AttendanceMode' });

export enum EventOrder {
  STARTS_AT_ASC = 'STARTS_AT_ASC',
  STARTS_AT_DESC = 'STARTS_AT_DESC',
  UPDATED_AT_DESC = 'UPDATED_AT_DESC',
}
registerEnumType(EventOrder, { name: 'EventOrder' });
