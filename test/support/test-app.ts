import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config/load-config.js';
import { DatabaseLifecycle } from '../../src/database/database-lifecycle.service.js';
import { createTestDatabase } from './test-database.js';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

export interface TestApp {
  app: NestFastifyApplication;
  databaseUrl: string;
  http: () => request.Agent;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResponse<T>>;
  /** Starts another app on the same database, as a restart or a second replica would. */
  restart(env?: Record<string, string>): Promise<NestFastifyApplication>;
  /** Stops one app that `restart` started, as a replica going away. */
  stop(app: NestFastifyApplication): Promise<void>;
  close(): Promise<void>;
}

const BASE_ENV = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  PUBLIC_URL: 'https://agenda.example.org',
  JWT_SECRET: 'test-secret-test-secret-test-secret-42',
  // Every test file asks from 127.0.0.1; the rate-limit tests set their own budget.
  RATE_LIMIT_POINTS: '1000000',
};

/** Called with the application after it is built, before it starts (to watch its HTTP server from the start). */
export type Prepare = (app: NestFastifyApplication) => void;

/** The real application on a database that exists already (startTestApp makes a fresh one); close it yourself. */
export async function boot(
  databaseUrl: string,
  env: Record<string, string> = {},
  prepare?: Prepare,
): Promise<NestFastifyApplication> {
  const config = loadConfig({ ...BASE_ENV, DATABASE_URL: databaseUrl, ...env });
  const app = await createApp(config);
  prepare?.(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  await app.get(DatabaseLifecycle).started;
  return app;
}

/** The real application on its own fresh database, with the real migrations. */
export async function startTestApp(env: Record<string, string> = {}, prepare?: Prepare): Promise<TestApp> {
  const database = await createTestDatabase();
  const apps: NestFastifyApplication[] = [await boot(database.url, env, prepare)];
  const http = () => request.agent(apps[0].getHttpServer());
  return {
    app: apps[0],
    databaseUrl: database.url,
    http,
    async gql(query, variables, token) {
      const req = http().post('/graphql').set('content-type', 'application/json');
      if (token) req.set('authorization', `Bearer ${token}`);
      const res = await req.send({ query, variables });
      return res.body;
    },
    async restart(extra = {}) {
      const app = await boot(database.url, { ...env, ...extra });
      apps.push(app);
      return app;
    },
    async stop(app) {
      apps.splice(apps.indexOf(app), 1);
      await app.close();
    },
    async close() {
      for (const app of apps) await app.close();
      await database.drop();
    },
  };
}
