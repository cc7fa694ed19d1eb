import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { EdgeHooks } from './edge-hooks.js';
import { RateLimitSync } from './rate-limit-sync.js';
import { SocketLimits } from './socket-limits.js';

/** The public edge: rate limits shared by every replica, body and answer sizes, and (through graphql-options.ts) operation cost and shape. */
@Module({ imports: [AuthModule], providers: [RateLimitSync, EdgeHooks, SocketLimits], exports: [RateLimitSync] })
export class EdgeModule {}
