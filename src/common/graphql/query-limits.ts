import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

/** Deep enough for a full agenda with each speaker's appearances in other events; introspection is exempt. */
export const MAX_DEPTH = 10;
/** Fields in one operation, counting aliases and every use of a fragment. */
export const MAX_FIELDS = 1000;

/**
 * Refuses operations that nest too deep or ask for too many fields: the types loop (agenda → speakers → speaker →
 * appearances → agenda item → event → agenda ...), so without a bound one small anonymous query can make a
 * response of hundreds of megabytes.
 */
export function queryLimits(context: ValidationContext): ASTVisitor {
  const fragments = new Map<string, FragmentDefinitionNode>(
    context
      .getDocument()
      .definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );

  const measure = (set: SelectionSetNode, depth: number, seen: Set<string>): { depth: number; fields: number } => {
    let deepest = depth;
    let fields = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        fields += 1;
        if (selection.selectionSet) {
          const inner = measure(selection.selectionSet, depth + 1, seen);
          deepest = Math.max(deepest, inner.depth);
          fields += inner.fields;
        } else {
          deepest = Math.max(deepest, depth + 1);
        }
      } else {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
        if (!fragment || (selection.kind === Kind.FRAGMENT_SPREAD && seen.has(selection.name.value))) continue;
        const next = selection.kind === Kind.FRAGMENT_SPREAD ? new Set(seen).add(selection.name.value) : seen;
        const inner = measure(fragment.selectionSet, depth, next);
        deepest = Math.max(deepest, inner.depth);
        fields += inner.fields;
      }
      if (fields > MAX_FIELDS) break;
    }
    return { depth: deepest, fields };
  };

  return {
    OperationDefinition(operation) {
      const { depth, fields } = measure(operation.selectionSet, 0, new Set());
      if (depth > MAX_DEPTH) {
        context.reportError(
          new GraphQLError(`The operation nests ${depth} levels deep; at most ${MAX_DEPTH} are allowed`, {
            nodes: [operation],
            extensions: { code: 'BAD_USER_INPUT' },
          }),
        );
      } else if (fields > MAX_FIELDS) {
        context.reportError(
          new GraphQLError(`The operation asks for more than ${MAX_FIELDS} fields; split it`, {
            nodes: [operation],
            extensions: { code: 'BAD_USER_INPUT' },
          }),
        );
      }
    },
  };
}
