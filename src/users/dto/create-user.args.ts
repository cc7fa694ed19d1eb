import { ArgsType, Field } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { RoleEnum } from '../role.enum.js';

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
  @IsString()
  @MaxLength(200)
  name?: string | null;
}
