import { InputType, OmitType } from '@nestjs/graphql';
import { SpeakerInput } from './speaker.input.js';

/**
 * What a speaker may correct of their own profile: SpeakerInput's fields and rules but the slug. A field left out
 * stays as it is; null clears an optional one.
 */
@InputType()
export class SpeakerProfileInput extends OmitType(SpeakerInput, ['slug'] as const, InputType) {}

/** The members of SpeakerProfileInput, in the order they are shown. */
export const PROFILE_FIELDS = ['honorific', 'name', 'jobTitle', 'organisation', 'bio', 'photoUrl'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
export type ProfileChanges = Pick<SpeakerInput, ProfileField>;

/** The members `input` carries (left-out ones are absent), as a proposal keeps them. */
export function profileChanges(input: SpeakerProfileInput): ProfileChanges {
  return Object.fromEntries(PROFILE_FIELDS.filter((f) => input[f] !== undefined).map((f) => [f, input[f]]));
}
