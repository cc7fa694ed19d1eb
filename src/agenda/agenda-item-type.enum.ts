import { registerEnumType } from '@nestjs/graphql';

export enum AgendaItemTypeEnum {
  REGISTRATION = 'REGISTRATION',
  WELCOME = 'WELCOME',
  KEYNOTE = 'KEYNOTE',
  CASE_STUDY = 'CASE_STUDY',
  PANEL = 'PANEL',
  TALK = 'TALK',
  WORKSHOP = 'WORKSHOP',
  QUESTIONS = 'QUESTIONS',
  BREAK = 'BREAK',
  LUNCH = 'LUNCH',
  NETWORKING = 'NETWORKING',
  CLOSE = 'CLOSE',
  OTHER = 'OTHER',
}
registerEnumType(AgendaItemTypeEnum, { name: 'AgendaItemType' });
