import { registerEnumType } from '@nestjs/graphql';
import { enumOf } from '../../common/graphql/enum-of.js';
import { AGENDA_ITEM_TYPES } from '../domain/event-enums.js';

export const AgendaItemTypeEnum = enumOf(AGENDA_ITEM_TYPES);
registerEnumType(AgendaItemTypeEnum, { name: 'AgendaItemType' });
