import { registerEnumType } from '@nestjs/graphql';

export enum PublicationStateEnum {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(PublicationStateEnum, { name: 'PublicationState' });

export enum EventStatusEnum {
  SCHEDULED = 'SCHEDULED',
  RESCHEDULED = 'RESCHEDULED',
  POSTPONED = 'POSTPONED',
  CANCELLED = 'CANCELLED',
  MOVED_ONLINE = 'MOVED_ONLINE',
}
registerEnumType(EventStatusEnum, { name: 'EventStatus', description: 'schema.org EventStatusType.' });

export enum AttendanceModeEnum {
  IN_PERSON = 'IN_PERSON',
  ONLINE = 'ONLINE',
  MIXED = 'MIXED',
}
registerEnumType(AttendanceModeEnum, { name: 'AttendanceMode' });

export enum EventOrder {
  STARTS_AT_ASC = 'STARTS_AT_ASC',
  STARTS_AT_DESC = 'STARTS_AT_DESC',
  UPDATED_AT_DESC = 'UPDATED_AT_DESC',
}
registerEnumType(EventOrder, { name: 'EventOrder' });
