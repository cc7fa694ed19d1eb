import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  return value;
};

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;

/** A setting that is a whole number (of `unit`, when it has one), at least `min` and at most `max`. */
export const WholeNumber = ({ min, max, unit }: { min: number; max?: number; unit?: string }): PropertyDecorator =>
  applyDecorators(
    Transform(toInt),
    IsInt({ message: `$property must be a whole number${unit ? ` of ${unit}` : ''}` }),
    Min(min),
    ...(max === undefined ? [] : [Max(max)]),
  );

/** A yes-or-no setting: true/false, 1/0, yes/no or on/off. */
export const OnOff = (): PropertyDecorator =>
  applyDecorators(Transform(toBoolean), IsBoolean({ message: '$property must be true or false (or on/off)' }));
