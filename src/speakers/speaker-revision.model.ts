import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/graphql/date-time.scalar.js';
import { User } from '../users/user.model.js';

@ObjectType({ description: "A speaker's fields as one revision saved them." })
export class SpeakerSnapshot {
  @Field()
  slug: string;

  @Field(() => String, { nullable: true })
  honorific: string | null;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  jobTitle: string | null;

  @Field(() => String, { nullable: true, description: 'The organisation by name.' })
  organisation: string | null;

  @Field(() => String, { nullable: true })
  bio: string | null;

  @Field(() => String, { nullable: true })
  photoUrl: string | null;
}

@ObjectType()
export class SpeakerRevision {
  @Field(() => Int, { description: 'The version this change made.' })
  revision: number;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => User, { nullable: true })
  author: User | null;

  @Field({ description: 'What happened: created, updated, restored, imported (recorded: as it was before revisions).' })
  action: string;

  @Field(() => SpeakerSnapshot)
  snapshot: SpeakerSnapshot;
}
