import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { IsId, IsText, OptionalExpectedVersion } from '../../common/validation/fields.js';
import { OptionalNotNull } from '../../common/validation/optional.js';
import { TEXT } from '../../common/validation/text-rules.js';

/** A field left out stays as it is; null clears the url. */
@ArgsType()
export class UpdateOrganisationArgs {
  @Field(() => ID)
  @IsId('an organisation')
  id: string;

  @Field(() => String, { nullable: true })
  @OptionalNotNull()
  @IsText(TEXT.organisation)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(TEXT.organisationUrl)
  url?: string | null;

  @OptionalExpectedVersion()
  expectedVersion?: number | null;
}
