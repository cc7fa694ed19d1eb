import { applyDecorators } from '@nestjs/common';
import { Field, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateBy,
  type ValidationArguments,
} from 'class-validator';
import { textProblem, TEXT, type TextRule } from './text-rules.js';

/** Lowercase letters and digits in words joined by "-": what every slug (event, speaker, sector) looks like. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A slug argument or member. */
export const IsSlug = (): PropertyDecorator =>
  applyDecorators(
    IsString(),
    MaxLength(TEXT.slug.max),
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

/**
 * What is wrong with a text member under `rule`, else null: its length counted as the document path counts it
 * (code points: class-validator's Length, kept for its familiar message, does not count variation selectors),
 * and what it holds.
 */
const problemOf = (value: unknown, rule: TextRule): string | null =>
  typeof value === 'string' ? textProblem(value, rule) : null;

/**
 * A text argument or member under one of the rules of text-rules.ts: a string (each one, with `each`) of the
 * rule's length, holding only the characters its kind may, and for a URL an http(s) one.
 */
export const IsText = (rule: TextRule, options: { each?: boolean } = {}): PropertyDecorator =>
  applyDecorators(
    IsString(options),
    rule.min > 0 ? Length(rule.min, rule.max, options) : MaxLength(rule.max, options),
    ValidateBy(
      {
        name: `text:${rule.kind}`,
        validator: {
          validate: (value: unknown) => problemOf(value, rule) === null,
          defaultMessage: ({ property, value }: ValidationArguments) => {
            const values: unknown[] = Array.isArray(value) ? value : [value];
            const problem = values.map((v) => problemOf(v, rule)).find((p) => p !== null);
            return `${property} ${problem ?? 'is not valid text'}`;
          },
        },
      },
      options,
    ),
  );

/** A list of text members under `rule`, at most `maxItems` of them. */
export const IsTextList = (rule: TextRule, maxItems: number): PropertyDecorator =>
  applyDecorators(IsArray(), ArrayMaxSize(maxItems), IsText(rule, { each: true }));
