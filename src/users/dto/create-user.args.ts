import { ArgsType, Field } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { RoleEnum } from '../role.enum.js';
import { IsText } from '../../common/validation/fields.js';
import { TEXT } from '../../common/validation/text-rules.js';

@ArgsType()
export class CreateUserArgs {
  @Field()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  email: string;

  @Field()
  @IsString()
  @Length(12, 200, { message: 'password must be 12 to 200 characters' })
  password: string;

  @Field(() => RoleEnum)
  @IsEnum(RoleEnum)
  role: RoleEnum;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(TEXT.userName)
  name?: string | null;
}
