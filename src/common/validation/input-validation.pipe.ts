import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage, IS_OPTIONAL, type ValidationError } from 'class-validator';
import { BadInputError, DomainError } from '../errors/domain-error.js';
import { nulPath } from './text-rules.js';

interface Problem {
  field: string;
  message: string;
}

function flatten(errors: ValidationError[], parent = ''): Problem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

class InvalidInput extends Error {
  constructor(readonly problems: Problem[]) {
    super('invalid input');
  }
}

/**
 * The parameters that hold what a caller sent: GraphQL arguments (@nestjs/graphql's GqlParamtype.ARGS, 3, which it
 * does not export; Nest's RouteParamtypes.BODY is 3 too) or a body. Not the context, the parent or the info.
 */
const SENT = new Set<unknown>([3, 'body']);

/** Types ValidationPipe has no rules for (its own `toValidate` list). */
const PLAIN = new Set<unknown>([String, Boolean, Number, Array, Object, Buffer, Date]);

/**
 * Whether ValidationPipe (with `transform`) would give the value back as it is: no class to validate against, and
 * not a REST query or path parameter (which it converts to the declared primitive).
 */
function passedOn({ metatype, type }: ArgumentMetadata): boolean {
  const nothingToValidate = !metatype || PLAIN.has(metatype) || type === 'custom';
  return nothingToValidate && type !== 'param' && type !== 'query';
}

const allOptional = new WeakMap<object, boolean>();

/**
 * Whether the value is an arguments object with nothing in it (every argument left out) for a class each of whose
 * validated fields is @IsOptional: class-validator would pass it whatever its rules, and whitelist nothing. Then
 * it becomes an instance of its class (with the class's own defaults) without class-transformer or class-validator.
 */
function nothingGiven(value: unknown, metatype: ArgumentMetadata['metatype']): boolean {
  if (!metatype || value === null || typeof value !== 'object' || Object.keys(value).length > 0) return false;
  let optional = allOptional.get(metatype);
  if (optional === undefined) {
    const rules = getMetadataStorage().getTargetValidationMetadatas(metatype, '', true, false);
    const fields = new Set(rules.map((r) => r.propertyName));
    // @IsOptional only: a @ValidateIf may hold on an empty object (a rule on one field when another is absent).
    const skipped = new Set(rules.filter((r) => r.name === IS_OPTIONAL).map((r) => r.propertyName));
    optional = fields.size > 0 && [...fields].every((field) => skipped.has(field));
    allOptional.set(metatype, optional);
  }
  return optional;
}

/**
 * class-validator on every GraphQL argument (whitelist, forbid unknown members, transform), answering
 * BAD_USER_INPUT with the full path of each bad field, e.g. `input.title`. First, whatever the argument's type
 * (plain strings, JSON scalars, documents, schedules), a NUL anywhere in it is refused the same way: PostgreSQL
 * stores no NUL in text, so it would otherwise fail deep inside a write.
 */
export class InputValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => new InvalidInput(flatten(errors)),
    });
  }

  /**
   * Nest runs the global pipes on every parameter of every field resolver too (the parent, the context, the info,
   * arguments that are plain strings or numbers): what ValidationPipe would return unchanged is passed on at once,
   * without its asynchronous steps, class-transformer or class-validator, and so is an all-optional arguments
   * object given no argument (`nothingGiven`); the rest is validated as before.
   */
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (SENT.has(metadata.type)) {
      const nul = nulPath(value);
      if (nul !== null) {
        const field = [metadata.data, nul].filter(Boolean).join('.') || 'arguments';
        return Promise.reject(new BadInputError(field, 'must not contain a NUL character (U+0000)'));
      }
    }
    if (passedOn(metadata)) return Promise.resolve(value);
    if (nothingGiven(value, metadata.metatype)) return Promise.resolve(new metadata.metatype!());
    return this.validated(value, metadata);
  }

  private async validated(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return (await super.transform(value, metadata)) as unknown;
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      const problems = error.problems.map((p) => ({
        field: metadata.data ? `${metadata.data}.${p.field}` : p.field,
        message: p.message,
      }));
      throw new DomainError('BAD_USER_INPUT', problems.map((p) => `${p.field}: ${p.message}`).join('; '), {
        field: problems[0].field,
        fields: problems.map((p) => p.field),
      });
    }
  }
}
