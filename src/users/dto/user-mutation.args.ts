import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { IsId, IsText, OptionalExpectedVersion } from '../../common/validation/fields.js';
import { OptionalNotNull } from '../../common/validation/optional.js';
import { TEXT } from '../../common/validation/text-rules.js';
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
  @IsText(TEXT.userName)
  name?: string | null;
}
