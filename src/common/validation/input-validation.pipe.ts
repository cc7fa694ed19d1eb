import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { DomainError } from '../errors/domain-error.js';

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
 * class-validator on every GraphQL argument (whitelist, forbid unknown members, transform), answering
 * BAD_USER_INPUT with the full path of each bad field, e.g. `input.title`.
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

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
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
