import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Organisation } from '../organisations/organisation.model.js';
import type { OrganisationView } from '../organisations/organisation-view.js';

@ObjectType()
export class Speaker {
  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  @Field(() => String, {
    nullable: true,
    description: 'Prefix as printed: Dr, Professor, Dame, Councillor, Detective Chief Inspector.',
  })
  honorific: string | null;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  jobTitle: string | null;

  @Field(() => Organisation, { nullable: true })
  organisation: OrganisationView | null;

  @Field(() => String, { nullable: true })
  bio: string | null;

  @Field(() => String, { nullable: true })
  photoUrl: string | null;
}
