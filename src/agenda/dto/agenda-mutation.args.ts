import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsUUID, Min, ValidateNested } from 'class-validator';
import { AgendaItemInput } from './agenda-item.input.js';

@ArgsType()
export class AddAgendaItemArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'eventId must be an event id (a UUID)' })
  eventId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field(() => AgendaItemInput)
  @ValidateNested()
  @Type(() => AgendaItemInput)
  input: AgendaItemInput;
}

@ArgsType()
export class AgendaItemVersionArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an agenda item id (a UUID)' })
  id: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
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
export class ReorderAgendaArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'eventId must be an event id (a UUID)' })
  eventId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field(() => [ID], { description: "itemIds must be exactly the event's agenda items, in the new order." })
  @IsArray()
  @ArrayMaxSize(5000)
  @IsUUID('all', { each: true, message: 'itemIds must hold agenda item ids (UUIDs)' })
  itemIds: string[];
}
