import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUrl, Length, MaxLength } from 'class-validator';
import { OptionalNotNull } from '../../common/validation/optional.js';
import { IsSlug } from '../../common/validation/fields.js';

/** Speaker fields; on update, a field left out stays as it is and null clears an optional one. */
@InputType()
export class SpeakerInput {
  @Field(() => String, { nullable: true })
  @OptionalNotNull()
  @IsSlug()
  slug?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  honorific?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalNotNull()
  @IsString()
  @Length(1, 200)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  jobTitle?: string | null;

  @Field(() => String, { nullable: true, description: 'Organisation by name; created when new.' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  organisation?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  bio?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  photoUrl?: string | null;
}
