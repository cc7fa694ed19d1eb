import {
  type DocumentNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  isUnionType,
  isEnumType,
} from 'graphql';
import { type ComplexityEstimator, getComplexity } from 'graphql-query-complexity';

/**
 * How many entries a list field without a `first` argument is reckoned to hold, as `Type.field`: the expected
 * largest an organiser makes (a big multi-track agenda, a panel's speakers). A list field missing here counts
 * DEFAULT_LIST_BOUND. Lists of scalars (key points, job titles) cost one field, like a scalar.
 */
export const LIST_BOUNDS: Readonly<Record<string, number>> = {
  'Event.agenda': 100,
  'Event.speakers': 60,
  'Event.keySpeakers': 20,
  'Event.sectors': 20,
  'Event.rooms': 20,
  'AgendaItem.links': 5,
  'AgendaItem.speakers': 8,
  'EventSpeaker.appearances': 8,
  'Speaker.appearances': 20,
  // Connections: the page size (`first`) of the field that returns the connection multiplies already.
  'EventConnection.nodes': 1,
  'EventConnection.edges': 1,
  'SpeakerConnection.nodes': 1,
  'SpeakerConnection.edges': 1,
};
export const DEFAULT_LIST_BOUND = 20;

type Sizes = Record<string, number>;
const introspectionSizes = new WeakMap<GraphQLSchema, Sizes>();

/**
 * Introspection lists count what this schema really holds, on average per parent: `__Schema.types` is the number
 * of types, `__Type.fields` the fields per type, `__Field.args` the arguments per field. The standard introspection
 * query then costs about what its answer holds, and aliasing parts of it costs as much again each time.
 */
function sizesOf(schema: GraphQLSchema): Sizes {
  const cached = introspectionSizes.get(schema);
  if (cached) return cached;
  const types = Object.values(schema.getTypeMap());
  const fieldsOf = (t: GraphQLNamedType) => (isObjectType(t) || isInterfaceType(t) ? Object.values(t.getFields()) : []);
  const fields = types.flatMap(fieldsOf);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const perType = (count: (t: GraphQLNamedType) => number) =>
    Math.max(1, Math.ceil(sum(types.map(count)) / types.length));
  const directives = schema.getDirectives();
  const sizes: Sizes = {
    '__Schema.types': types.length,
    '__Schema.directives': directives.length,
    '__Type.fields': perType((t) => fieldsOf(t).length),
    '__Type.inputFields': perType((t) => (isInputObjectType(t) ? Object.keys(t.getFields()).length : 0)),
    '__Type.enumValues': perType((t) => (isEnumType(t) ? t.getValues().length : 0)),
    '__Type.interfaces': perType((t) => (isObjectType(t) || isInterfaceType(t) ? t.getInterfaces().length : 0)),
    '__Type.possibleTypes': perType((t) => (isUnionType(t) ? t.getTypes().length : 0)),
    '__Field.args': Math.max(1, Math.ceil(sum(fields.map((f) => f.args.length)) / Math.max(1, fields.length))),
    '__Directive.args': Math.max(
      1,
      Math.ceil(sum(directives.map((d) => d.args.length)) / Math.max(1, directives.length)),
    ),
  };
  introspectionSizes.set(schema, sizes);
  return sizes;
}

/** How many times a field's selection is answered: its page size, its known bound, or once. */
function multiplier(
  schema: GraphQLSchema,
  parent: string,
  field: GraphQLField<unknown, unknown>,
  args: Record<string, unknown>,
): number {
  // A page (a connection's or a list's) counts by its size, defaults applied.
  if (typeof args.first === 'number') return Math.max(1, args.first);
  if (!isListType(getNullableType(field.type)) || !isCompositeType(getNamedType(field.type))) return 1;
  const key = `${parent}.${field.name}`;
  return sizesOf(schema)[key] ?? LIST_BOUNDS[key] ?? DEFAULT_LIST_BOUND;
}

/**
 * The cost of an operation: every field answered costs 1, and a list multiplies what is under it by how many
 * entries it returns (above). Counted with graphql-query-complexity over the whole document, introspection
 * included, before anything runs.
 */
export function queryCost(
  schema: GraphQLSchema,
  query: DocumentNode,
  variables: Record<string, unknown>,
  operationName?: string,
): number {
  const estimator: ComplexityEstimator = ({ type, field, args, childComplexity }) =>
    multiplier(schema, type.name, field, args) * (1 + childComplexity);
  return getComplexity({ schema, query, variables, operationName, estimators: [estimator] });
}
