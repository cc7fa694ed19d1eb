import { Field, InputType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { OptionalNotNull } from '../../common/validation/optional.js';
import { IsSlug, IsText } from '../../common/validation/fields.js';
import { TEXT } from '../../common/validation/text-rules.js';

/** Speaker fields; on update, a field left out stays as it is and null clears an optional one. */
@InputType()
export class SpeakerInput {
  @Field(() => String, { nullable: true })
  @OptionalNotNull()
  @IsSlug()
  slug?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(TEXT.honorific)
  honorific?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalNotNull()
  @IsText(TEXT.speakerName)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(TEXT.jobTitle)
  jobTitle?: string | null;

  @Field(() => String, { nullable: true, description: 'Organisation by name; created when new.' })
  @IsOptional()
  @IsText(TEXT.organisation)
  organisation?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(TEXT.bio)
  bio?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(TEXT.photoUrl)
  photoUrl?: string | null;
}
