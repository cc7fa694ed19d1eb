import { ArgsType, Field } from '@nestjs/graphql';
import { IsBoolean, IsObject, IsOptional } from 'class-validator';
import { JSONScalar } from '../../../common/graphql/json.scalar.js';
import { IsSlug, OptionalExpectedVersion } from '../../../common/validation/fields.js';

@ArgsType()
export class ImportScheduleArgs {
  @Field(() => JSONScalar)
  @IsObject({ message: 'schedule must be a JSON object (a frab/c3voc schedule.json)' })
  schedule: Record<string, unknown>;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsSlug()
  slug?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  @IsBoolean()
  publish: boolean = false;
  @OptionalExpectedVersion()
  expectedVersion?: number | null;
}
