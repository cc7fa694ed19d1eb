import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsString, IsUrl, Length, MaxLength } from 'class-validator';
import { IsId, OptionalExpectedVersion } from '../../common/validation/fields.js';
import { OptionalNotNull } from '../../common/validation/optional.js';

/** A field left out stays as it is; null clears the url. */
@ArgsType()
export class UpdateOrganisationArgs {
  @Field(() => ID)
  @IsId('an organisation')
  id: string;

  @Field(() => String, { nullable: true })
  @OptionalNotNull()
  @IsString()
  @Length(1, 300)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  url?: string | null;

  @OptionalExpectedVersion()
  expectedVersion?: number | null;
}
