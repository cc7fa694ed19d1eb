import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/graphql/date-time.scalar.js';
import { JSONScalar } from '../common/graphql/json.scalar.js';

@ObjectType({ description: 'A partner endpoint told about published changes, signed with its secret.' })
export class Webhook {
  @Field(() => ID)
  id: string;

  @Field()
  url: string;

  @Field(() => [String], {
    description:
      'Which changes it hears: event.published, event.unpublished, event.deleted, event.restored, speaker.invited, ' +
      'speaker.responded.',
  })
  events: string[];

  @Field(() => String, { nullable: true, description: 'Shown once, when the webhook is created; null afterwards.' })
  secret: string | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => Int, { description: 'Increases with every saved change; pass it back as expectedVersion.' })
  version: number;
}

@ObjectType({ description: 'One announcement to one webhook, and how sending it went.' })
export class WebhookDelivery {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  webhookId: string;

  @Field({ description: 'The change it announces: one of Webhook.events.' })
  event: string;

  @Field({ description: 'PENDING (to be sent or retried), DELIVERED, or FAILED after the last try.' })
  status: string;

  @Field(() => Int)
  attempts: number;

  @Field(() => Int, { nullable: true, description: 'HTTP status of the last try, when there was an answer.' })
  lastStatusCode: number | null;

  @Field(() => String, { nullable: true })
  lastError: string | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  nextAttemptAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  deliveredAt: Date | null;

  @Field(() => JSONScalar)
  payload: Record<string, unknown>;
}
