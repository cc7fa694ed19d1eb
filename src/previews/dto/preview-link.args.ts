import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsDate, IsOptional } from 'class-validator';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar.js';
import { IsId } from '../../common/validation/fields.js';

@ArgsType()
export class CreatePreviewLinkArgs {
  @Field(() => ID)
  @IsId('an event')
  eventId: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Until when the link works: in the future, within a year; 7 days from now when not given.',
  })
  @IsOptional()
  @IsDate()
  expiresAt?: Date | null;
}

@ArgsType()
export class PreviewLinkIdArgs {
  @Field(() => ID)
  @IsId('a preview link')
  id: string;
}
