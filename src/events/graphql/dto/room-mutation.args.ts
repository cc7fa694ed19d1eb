import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { IsId, IsVersion } from '../../../common/validation/fields.js';
import { AgendaEventArgs } from './agenda-mutation.args.js';
import { RoomInput } from './room.input.js';

@ArgsType()
export class CreateRoomArgs extends AgendaEventArgs {
  @Field(() => RoomInput)
  @ValidateNested()
  @Type(() => RoomInput)
  input: RoomInput;
}

/** A room, and the version of its event the caller last read. */
@ArgsType()
export class RoomVersionArgs {
  @Field(() => ID)
  @IsId('a room')
  id: string;

  @Field(() => Int, { description: "The event's version." })
  @IsVersion()
  expectedVersion: number;
}

@ArgsType()
export class UpdateRoomArgs extends RoomVersionArgs {
  @Field(() => RoomInput)
  @ValidateNested()
  @Type(() => RoomInput)
  input: RoomInput;
}

@ArgsType()
export class RemoveRoomArgs extends RoomVersionArgs {
  @Field(() => ID, {
    nullable: true,
    description: 'Another room of the event that takes the items of this one; without it, a room in use is a CONFLICT.',
  })
  @IsOptional()
  @IsId('a room')
  moveItemsTo?: string | null;
}
