import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsId, OptionalExpectedVersion } from '../../common/validation/fields.js';
import { OptionalNotNull } from '../../common/validation/optional.js';
import { RoleEnum } from '../role.enum.js';

@ArgsType()
export class UserVersionArgs {
  @Field(() => ID)
  @IsId('a user')
  id: string;

  @OptionalExpectedVersion()
  expectedVersion?: number | null;
}

/** A field left out stays as it is; null clears the name. */
@ArgsType()
export class UpdateUserArgs extends UserVersionArgs {
  @Field(() => RoleEnum, { nullable: true })
  @OptionalNotNull()
  @IsEnum(RoleEnum)
  role?: RoleEnum;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string | null;
}
