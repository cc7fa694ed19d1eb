import { ArgsType, Field } from '@nestjs/graphql';
import { IsBoolean, IsObject } from 'class-validator';
import { JSONScalar } from '../../../common/graphql/json.scalar.js';
import { OptionalExpectedVersion } from '../../../common/validation/fields.js';

@ArgsType()
export class ImportEventArgs {
  @Field(() => JSONScalar)
  @IsObject({ message: 'document must be a JSON object (an event document)' })
  document: Record<string, unknown>;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  @IsBoolean()
  publish: boolean = false;
  @OptionalExpectedVersion()
  expectedVersion?: number | null;
}
