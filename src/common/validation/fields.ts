import { applyDecorators } from '@nestjs/common';
import { Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';

/** Lowercase letters and digits in words joined by "-": what every slug (event, speaker, sector) looks like. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A slug argument or member. */
export const IsSlug = (): PropertyDecorator =>
  applyDecorators(
    IsString(),
    MaxLength(120),
    Matches(SLUG_PATTERN, { message: '$property must be lowercase letters and digits in words joined by "-"' }),
  );

/** An id argument: a UUID, or BAD_USER_INPUT naming what it should identify ("an event", "a speaker"). */
export const IsId = (what: string): PropertyDecorator =>
  IsUUID('all', { message: `$property must be ${what} id (a UUID)` });

/** expectedVersion: the version the caller last read. */
export const IsVersion = (): PropertyDecorator => applyDecorators(IsInt(), Min(1));

/** An optional `expectedVersion` argument: when given, the change applies only at that version (else CONFLICT). */
export const OptionalExpectedVersion = (): PropertyDecorator =>
  applyDecorators(
    Field(() => Int, {
      nullable: true,
      description:
        'When given, the change applies only if the record is at this version (else CONFLICT with extensions.currentVersion).',
    }),
    IsOptional(),
    IsVersion(),
  );
