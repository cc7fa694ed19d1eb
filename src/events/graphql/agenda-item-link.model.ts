import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { enumOf } from '../../common/graphql/enum-of.js';
import { LINK_KINDS, type LinkKind } from '../domain/event-enums.js';

export const AgendaItemLinkKindEnum = enumOf(LINK_KINDS);
registerEnumType(AgendaItemLinkKindEnum, { name: 'AgendaItemLinkKind', description: 'What a link of a session is.' });

@ObjectType({ description: 'A link of an agenda item: its slides, recording, stream, feedback form, ...' })
export class AgendaItemLink {
  @Field(() => AgendaItemLinkKindEnum)
  kind: LinkKind;

  @Field({ description: 'An absolute http or https URL.' })
  url: string;

  @Field(() => String, { nullable: true })
  title: string | null;
}
