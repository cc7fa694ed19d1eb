import { createSecretKey, randomBytes } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { GraphQLError } from 'graphql';
import { AppConfig } from '../config/app-config.js';
import { DomainError, RateLimitedError } from '../common/errors/domain-error.js';
import { UsersService } from '../users/users.service.js';
import { LoginThrottle } from './login-throttle.js';
import { calibratePasswordCheck, hasRoomForCheck, passTimeLikeACheck, verifyPassword } from './passwords.js';
import type { Viewer } from './viewer.js';
import { isDatabaseUnavailable } from '../common/errors/domain-error.js';
import { reportDatabaseUnavailable, unavailableGraphQLError } from '../common/errors/service-unavailable.js';

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly jwt: JwtService;
  private readonly ttlSeconds: number;
  constructor(
    config: AppConfig,
    private readonly users: UsersService,
    private readonly throttle: LoginThrottle,
  ) {
    const secret = config.JWT_SECRET ?? randomBytes(32).toString('hex');
    if (!config.JWT_SECRET) {
      new Logger('Auth').warn('JWT_SECRET is unset: tokens are signed with a random key and end with this process');
    }
    this.ttlSeconds = Number(config.JWT_EXPIRES_IN.slice(0, -1)) * UNITS[config.JWT_EXPIRES_IN.slice(-1)];
    this.jwt = new JwtService({
      // A key object built once: given a string, jsonwebtoken first tries it as a public key on every check, and
      // fails, which costs some 40x the HMAC itself. HS256 only, for signing and checking alike.
      secret: createSecretKey(Buffer.from(secret)),
      signOptions: { algorithm: 'HS256' },
      verifyOptions: { algorithms: ['HS256'] },
    });
  }

  /** At start, one password check to learn how long one takes (passwords.ts), before any sign-in needs to know. */
  onApplicationBootstrap(): void {
    void calibratePasswordCheck();
  }

  /** A signed token for an email and password; `from` (the client address) scopes the throttle on guessing. */
  async login(email: string, password: string, from = '') {
    // Refused before it counts: an attempt whose password is never checked is nobody's failure.
    if (!hasRoomForCheck()) throw new RateLimitedError('Too many sign-ins are being checked; try again in a second', 1);
    const attempt = await this.throttle.begin(email, from);
    const user = await this.users.findByEmail(email);
    let ok = false;
    if (user) {
      ok = await verifyPassword(password, user.passwordHash).catch(async (error: unknown) => {
        if (error instanceof RateLimitedError) await this.throttle.forget(attempt);
        throw error;
      });
    } else {
      await passTimeLikeACheck();
    }
    if (!user || !ok) throw new DomainError('UNAUTHENTICATED', 'Wrong email or password');
    await this.throttle.succeeded(attempt);
    const expiresAt = new Date(Date.now() + this.ttlSeconds * 1000);
    const token = await this.jwt.signAsync({ sub: user.id, role: user.role }, { expiresIn: this.ttlSeconds });
    return { token, expiresAt, user };
  }

  /** When the bearer token of a header expires (ms since the epoch), or null without one. */
  tokenExpiry(header: string | undefined): number | null {
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header.trim()) : null;
    const claims = match ? (this.jwt.decode<{ exp?: number } | null>(match[1]) ?? null) : null;
    return claims?.exp ? claims.exp * 1000 : null;
  }

  /**
   * Whether a header carries a token this service signed and that has not expired, without asking the database
   * who it names: cheap enough to decide, before a body is read, how large it may be.
   */
  signedToken(header: string | undefined): boolean {
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header.trim()) : null;
    if (!match) return false;
    try {
      this.jwt.verify(match[1]);
      return true;
    } catch {
      return false;
    }
  }

  /** The viewer a request's `Authorization: Bearer <token>` names; null without a header. */
  async viewerFromHeader(header: string | undefined): Promise<Viewer | null> {
    if (!header) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    const refused = () =>
      new GraphQLError('The bearer token is invalid or has expired; sign in again', {
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
      });
    if (!match) throw refused();
    const claims = await this.jwt.verifyAsync<{ sub: string }>(match[1]).catch(() => {
      throw refused();
    });
    // The role as it is now: a user removed or demoted since signing in does not keep the old rights. A database
    // out of reach says nothing about the token: that is a 503, and the client keeps its token.
    const user = await this.users.findById(claims.sub).catch((error: unknown) => {
      if (!isDatabaseUnavailable(error)) throw error;
      // Thrown while the context is made, before the formatter and the plugins: it carries its own HTTP status.
      reportDatabaseUnavailable(error);
      throw unavailableGraphQLError();
    });
    if (!user) throw refused();
    return { id: user.id, role: user.role };
  }
}
