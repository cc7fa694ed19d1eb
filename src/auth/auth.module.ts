import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { LoginThrottle } from './login-throttle.js';

@Module({ imports: [UsersModule], providers: [AuthService, AuthResolver, LoginThrottle], exports: [AuthService] })
export class AuthModule {}
