import { OperatorError } from '../../common/errors/operator-error.js';

/** Why the embedded PostgreSQL cannot run and what to do about it, in one line. */
export class EmbeddedPostgresError extends OperatorError {
  constructor(message: string, options?: ErrorOptions) {
    super(message.replace(/\s+/g, ' ').trim(), 1, options);
  }
}
