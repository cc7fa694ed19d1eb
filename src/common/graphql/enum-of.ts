/** A GraphQL enum object (`{ DRAFT: 'DRAFT', ... }`, as registerEnumType and class-validator's IsEnum take it) from a list. */
export function enumOf<const T extends string>(values: readonly T[]): { readonly [K in T]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
}
