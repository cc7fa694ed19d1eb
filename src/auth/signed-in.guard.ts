import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DomainError } from '../common/errors/domain-error.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';

/**
 * Editing needs a signed-in user: checked before arguments are validated, so an anonymous caller learns only that.
 * Which role may do what is decided in the services (auth/roles.ts).
 */
@Injectable()
export class SignedInGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const { viewer } = GqlExecutionContext.create(context).getContext<GraphQLContext>();
    if (!viewer) throw new DomainError('UNAUTHENTICATED', 'Sign in first: the login mutation gives a bearer token');
    return true;
  }
}
