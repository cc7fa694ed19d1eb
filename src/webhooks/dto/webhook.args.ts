import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsId, IsText, OptionalExpectedVersion } from '../../common/validation/fields.js';
import { OptionalNotNull } from '../../common/validation/optional.js';
import { TEXT } from '../../common/validation/text-rules.js';
import { WEBHOOK_EVENTS } from '../webhook-events.js';

@ArgsType()
export class CreateWebhookArgs {
  @Field()
  @IsText(TEXT.webhookUrl)
  url: string;

  @Field(() => [String])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @IsIn(WEBHOOK_EVENTS, { each: true, message: `events must be among ${WEBHOOK_EVENTS.join(', ')}` })
  events: string[];
}

@ArgsType()
export class WebhookVersionArgs {
  @Field(() => ID)
  @IsId('a webhook')
  id: string;

  @OptionalExpectedVersion()
  expectedVersion?: number | null;
}

/** A field left out stays as it is. */
@ArgsType()
export class UpdateWebhookArgs extends WebhookVersionArgs {
  @Field(() => String, { nullable: true })
  @OptionalNotNull()
  @IsText(TEXT.webhookUrl)
  url?: string;

  @Field(() => [String], { nullable: true })
  @OptionalNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @IsIn(WEBHOOK_EVENTS, { each: true, message: `events must be among ${WEBHOOK_EVENTS.join(', ')}` })
  events?: string[];
}

@ArgsType()
export class WebhookDeliveriesArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId('a webhook')
  webhookId?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: 50 })
  @IsInt()
  @Min(1)
  @Max(100)
  first: number = 50;
}
