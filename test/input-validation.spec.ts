import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import type { ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { DomainError } from '../src/common/errors/domain-error.js';
import {
  IsId,
  IsSlug,
  IsText,
  IsTextList,
  IsVersion,
  OptionalExpectedVersion,
  SLUG_PATTERN,
  UUID_PATTERN,
} from '../src/common/validation/fields.js';
import { InputValidationPipe } from '../src/common/validation/input-validation.pipe.js';
import { OptionalNotNull } from '../src/common/validation/optional.js';
import { TEXT } from '../src/common/validation/text-rules.js';

// The argument classes of the API are made of these decorators; these classes stand in for them.

class VenueArg {
  @IsString()
  @MaxLength(10)
  city!: string;
}

class ThingInput {
  @IsSlug()
  slug!: string;

  @OptionalNotNull()
  @IsString()
  title?: string;

  @IsOptional()
  @IsString()
  note?: string | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => VenueArg)
  venue?: VenueArg;
}

class ThingArgs {
  @IsId('a thing')
  id!: string;

  @IsVersion()
  version!: number;

  @OptionalExpectedVersion()
  expectedVersion?: number;
}

class TextArgs {
  @IsOptional()
  @IsText(TEXT.speakerName)
  name?: string;

  @IsOptional()
  @IsText(TEXT.bio)
  bio?: string;

  @IsOptional()
  @IsText(TEXT.photoUrl)
  photoUrl?: string;

  @IsOptional()
  @IsTextList(TEXT.keyPoint, 2)
  points?: string[];
}

const ID = '3f0c1a52-9d7e-4c1b-8f00-0000000000aa';
const pipe = new InputValidationPipe();
const as = (metatype: new () => object, data?: string): ArgumentMetadata => ({ type: 'body', metatype, data });

/** What the pipe refuses `value` with: the DomainError's code, message and extensions. */
async function refusal(value: unknown, metadata: ArgumentMetadata) {
  const error = await pipe.transform(value, metadata).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`not refused with a DomainError: ${String(error)}`);
  return { code: error.code, message: error.message, ...error.extensions };
}

describe('argument validation', () => {
  describe('the patterns', () => {
    it.each(['a', 'event-2030', 'sedgemoor-district-council', '2030'])('SLUG_PATTERN accepts %s', (slug) => {
      expect(slug).toMatch(SLUG_PATTERN);
    });

    it.each(['', 'A', 'two  words', 'trailing-', '-leading', 'double--hyphen', 'under_score', 'café'])(
      'SLUG_PATTERN refuses "%s"',
      (slug) => {
        expect(slug).not.toMatch(SLUG_PATTERN);
      },
    );

    it('UUID_PATTERN takes any version in either case, and nothing else', () => {
      expect(ID).toMatch(UUID_PATTERN);
      expect(ID.toUpperCase()).toMatch(UUID_PATTERN);
      for (const bad of ['', ID.slice(1), `${ID}0`, ID.replace(/-/g, ''), `{${ID}}`])
        expect(bad).not.toMatch(UUID_PATTERN);
    });
  });

  describe('InputValidationPipe', () => {
    it('passes valid arguments on as instances of their class', async () => {
      const input = await pipe.transform(
        { slug: 'a-thing', title: 'A thing', venue: { city: 'London' } },
        as(ThingInput),
      );
      expect(input).toBeInstanceOf(ThingInput);
      expect(input).toEqual({ slug: 'a-thing', title: 'A thing', venue: { city: 'London' } });
      expect((input as ThingInput).venue).toBeInstanceOf(VenueArg);
      const args = await pipe.transform({ id: ID, version: 3 }, as(ThingArgs));
      expect(args).toEqual({ id: ID, version: 3 });
    });

    it('answers BAD_USER_INPUT naming each bad field under the argument', async () => {
      expect(await refusal({ slug: 'Not A Slug' }, as(ThingInput, 'input'))).toEqual({
        code: 'BAD_USER_INPUT',
        message: 'input.slug: slug must be lowercase letters and digits in words joined by "-"',
        field: 'input.slug',
        fields: ['input.slug'],
      });
      const nested = await refusal(
        { slug: 'x'.repeat(121), venue: { city: 'Much too long a city' } },
        as(ThingInput, 'input'),
      );
      expect(nested).toMatchObject({ field: 'input.slug', fields: ['input.slug', 'input.venue.city'] });
      expect(nested.message).toContain('input.venue.city: city must be shorter than or equal to 10 characters');
    });

    it('names the field alone for arguments spread over the call (no argument name)', async () => {
      expect(await refusal({ id: 'not-a-uuid', version: 1 }, as(ThingArgs))).toEqual({
        code: 'BAD_USER_INPUT',
        message: 'id: id must be a thing id (a UUID)',
        field: 'id',
        fields: ['id'],
      });
    });

    it('refuses members the class does not declare', async () => {
      expect(await refusal({ slug: 'a-thing', extra: 1 }, as(ThingInput, 'input'))).toMatchObject({
        field: 'input.extra',
        message: 'input.extra: property extra should not exist',
      });
    });

    it('takes versions from 1, and expectedVersion only when given', async () => {
      expect(await refusal({ id: ID, version: 0 }, as(ThingArgs))).toMatchObject({ fields: ['version'] });
      expect(await refusal({ id: ID, version: 1.5 }, as(ThingArgs))).toMatchObject({ fields: ['version'] });
      expect(await refusal({ id: ID, version: 1, expectedVersion: 0 }, as(ThingArgs))).toMatchObject({
        fields: ['expectedVersion'],
      });
      expect(await pipe.transform({ id: ID, version: 1, expectedVersion: 2 }, as(ThingArgs))).toMatchObject({
        expectedVersion: 2,
      });
      expect(await pipe.transform({ id: ID, version: 1, expectedVersion: null }, as(ThingArgs))).toMatchObject({
        id: ID,
      });
    });

    it('lets an OptionalNotNull field be left out, but not cleared with null', async () => {
      expect(await pipe.transform({ slug: 'a-thing' }, as(ThingInput))).toEqual({ slug: 'a-thing' });
      expect(await refusal({ slug: 'a-thing', title: null }, as(ThingInput, 'input'))).toMatchObject({
        field: 'input.title',
        fields: ['input.title'],
      });
      // An ordinary optional field may be null.
      expect(await pipe.transform({ slug: 'a-thing', note: null }, as(ThingInput))).toEqual({
        slug: 'a-thing',
        note: null,
      });
    });

    it('leaves what is not a class argument alone', async () => {
      expect(await pipe.transform('anything', { type: 'body', metatype: String })).toBe('anything');
      expect(await pipe.transform(42, { type: 'custom', metatype: ThingArgs })).toBe(42);
    });
  });

  describe('text members (text-rules.ts)', () => {
    it('take good text: a bio with newlines and tabs, right-to-left names, http(s) URLs', async () => {
      const args = { name: 'Ada 李明 שלום', bio: 'One\n\tTwo', photoUrl: 'https://example.org/a.jpg', points: ['a'] };
      expect(await pipe.transform(args, as(TextArgs))).toEqual(args);
    });

    it.each([
      ['a name too long', { name: 'x'.repeat(201) }, 'name', /shorter than or equal to 200/],
      // Counted in code points, as documents are: variation selectors count too.
      ['a name too long in code points', { name: 'a\uFE0F'.repeat(101) }, 'name', /at most 200 characters \(not 202\)/],
      ['an empty name', { name: '' }, 'name', /longer than or equal to 1/],
      ['a control character in a bio', { bio: 'a\u0007' }, 'bio', /control character \(U\+0007/],
      ['a newline in a name', { name: 'a\nb' }, 'name', /control character \(U\+000A/],
      ['a bidi override in a name', { name: 'Ada \u202Eecalevol' }, 'name', /bidirectional control character/],
      ['a lone surrogate', { bio: 'x\uD800' }, 'bio', /unpaired surrogate/],
      ['a javascript: URL', { photoUrl: 'javascript:alert(1)' }, 'photoUrl', /http\(s\) URL/],
      ['too many list members', { points: ['a', 'b', 'c'] }, 'points', /no more than 2/],
      ['a bad list member', { points: ['ok', 'a\u202Eb'] }, 'points', /bidirectional/],
    ])('refuse %s', async (_what, value, field, message) => {
      const refused = await refusal(value, as(TextArgs, 'input'));
      expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', field: `input.${field}` });
      expect(refused.message).toMatch(message);
    });

    it('refuse a NUL anywhere in an argument, whatever its type, before anything else', async () => {
      expect(await refusal('a\u0000', { type: 'body', metatype: String, data: 'search' })).toEqual({
        code: 'BAD_USER_INPUT',
        message: 'search: must not contain a NUL character (U+0000)',
        field: 'search',
      });
      const json = { document: { agenda: [{ title: 'ok' }, { notes: '\u0000' }] } };
      expect(await refusal(json, { type: 'body', metatype: Object })).toMatchObject({
        field: 'document.agenda.1.notes',
      });
      expect(await refusal({ name: 'x\u0000' }, as(TextArgs, 'input'))).toMatchObject({ field: 'input.name' });
      // Not what a caller sent: the context, the parent.
      expect(await pipe.transform('a\u0000', { type: 'custom', metatype: String })).toBe('a\u0000');
    });
  });
});
