import { ValidateIf } from 'class-validator';

/** May be left out, but not null: a left-out field is left unchanged, and this one cannot be cleared. */
export const OptionalNotNull = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);
