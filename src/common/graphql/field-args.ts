import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { Args, type ArgsOptions } from '@nestjs/graphql';

/**
 * Field resolvers on the read path take GraphQL's own parameters, `(parent, args, context)`, and no parameter
 * decorators: NestJS then binds them as they are (its fast path for field resolvers, nestjs/graphql#3838), where a
 * decorated one goes through the pipes and returns a promise per value. On an anonymous agenda that is some fifty
 * fields an answer and a third of its CPU (BENCHMARKS.md). The rule: a field resolver is plain unless an argument
 * needs validating beyond its GraphQL type (then it has @Args and its DTO).
 *
 * `FieldArgs` declares a plain resolver's arguments in the schema as @Args would, and keeps only that: the parameter
 * binding @Args also records would take the method off the fast path. (Without it NestJS passes GraphQL's own
 * parameters as well, so a plain resolver is right on either path.)
 */
export function FieldArgs(args: Record<string, ArgsOptions>): MethodDecorator {
  return (target, key) => {
    if (Reflect.getMetadata(ROUTE_ARGS_METADATA, target.constructor, key)) {
      throw new Error(`${String(key)}: FieldArgs is for resolvers without parameter decorators`);
    }
    for (const [name, options] of Object.entries(args)) Args(name, options)(target, key, 1);
    Reflect.deleteMetadata(ROUTE_ARGS_METADATA, target.constructor, key);
  };
}
