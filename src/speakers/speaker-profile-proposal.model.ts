import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/graphql/date-time.scalar.js';

@ObjectType({
  description:
    "A correction a speaker proposed to their own profile through their invitation's link, pending until an editor " +
    'approves it (approveSpeakerProfile) or rejects it. Only the fields it names change; the others stay as they are.',
})
export class SpeakerProfileProposal {
  @Field(() => [String], {
    description: 'The fields proposed (honorific, name, jobTitle, organisation, bio, photoUrl): null in one clears it.',
  })
  fields: string[];

  @Field(() => String, { nullable: true })
  honorific: string | null;

  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => String, { nullable: true })
  jobTitle: string | null;

  @Field(() => String, { nullable: true, description: 'The organisation by name; created when new, on approval.' })
  organisation: string | null;

  @Field(() => String, { nullable: true })
  bio: string | null;

  @Field(() => String, { nullable: true })
  photoUrl: string | null;

  @Field(() => DateTimeScalar)
  proposedAt: Date;

  @Field(() => ID, { description: 'The invitation whose link the speaker proposed it with.' })
  invitationId: string;
}
