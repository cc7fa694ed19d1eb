import { ArgsType, Field } from '@nestjs/graphql';
import { IsBoolean, IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { JSONScalar } from '../../common/graphql/json.scalar.js';
import { SLUG_PATTERN } from '../../events/event-rules.js';

@ArgsType()
export class ImportScheduleArgs {
  @Field(() => JSONScalar)
  @IsObject({ message: 'schedule must be a JSON object (a frab/c3voc schedule.json)' })
  schedule: Record<string, unknown>;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  @Matches(SLUG_PATTERN, { message: 'slug must be lowercase letters and digits in words joined by "-"' })
  slug?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  @IsBoolean()
  publish: boolean = false;
}
