import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsUUID, ValidateNested } from 'class-validator';
import { AgendaItemInput } from './agenda-item.input.js';
import { IsId, IsVersion } from '../../../common/validation/fields.js';

/** An event at the version the caller last read. */
@ArgsType()
export class AgendaEventArgs {
  @Field(() => ID)
  @IsId('an event')
  eventId: string;

  @Field(() => Int)
  @IsVersion()
  expectedVersion: number;
}

@ArgsType()
export class AddAgendaItemArgs extends AgendaEventArgs {
  @Field(() => AgendaItemInput)
  @ValidateNested()
  @Type(() => AgendaItemInput)
  input: AgendaItemInput;
}

@ArgsType()
export class AgendaItemVersionArgs {
  @Field(() => ID)
  @IsId('an agenda item')
  id: string;

  @Field(() => Int)
  @IsVersion()
  expectedVersion: number;
}

@ArgsType()
export class UpdateAgendaItemArgs extends AgendaItemVersionArgs {
  @Field(() => AgendaItemInput)
  @ValidateNested()
  @Type(() => AgendaItemInput)
  input: AgendaItemInput;
}

@ArgsType()
export class ReorderAgendaArgs extends AgendaEventArgs {
  @Field(() => [ID], { description: "itemIds must be exactly the event's agenda items, in the new order." })
  @IsArray()
  @ArrayMaxSize(5000)
  @IsUUID('all', { each: true, message: 'itemIds must hold agenda item ids (UUIDs)' })
  itemIds: string[];
}

@ArgsType()
export class ShiftAgendaItemsArgs extends AgendaEventArgs {
  @Field(() => [ID], { description: 'The timed agenda items to move, each once.' })
  @IsArray()
  @ArrayMaxSize(5000)
  @IsUUID('all', { each: true, message: 'itemIds must hold agenda item ids (UUIDs)' })
  itemIds: string[];

  @Field(() => Int, { description: 'How far to move them: later when positive, earlier when negative; not 0.' })
  @IsInt()
  minutes: number;
}
