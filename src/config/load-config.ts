import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { OperatorError } from '../common/errors/operator-error.js';
import { AppConfig } from './app-config.js';

export class ConfigError extends OperatorError {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const KEYS = Object.keys(new AppConfig()) as (keyof AppConfig)[];

/** Reads and validates the configuration; throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const raw: Record<string, string> = {};
  for (const key of KEYS) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const config = plainToInstance(AppConfig, raw);
  const problems = validateSync(config, { forbidUnknownValues: true }).flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) =>
      message.startsWith(error.property) ? message : `${error.property}: ${message}`,
    ),
  );
  if (config.ADMIN_EMAIL && !config.ADMIN_PASSWORD) problems.push('ADMIN_PASSWORD must be set when ADMIN_EMAIL is set');
  if (config.ADMIN_PASSWORD && !config.ADMIN_EMAIL) problems.push('ADMIN_EMAIL must be set when ADMIN_PASSWORD is set');
  if (config.production && !config.JWT_SECRET) problems.push('JWT_SECRET must be set when NODE_ENV=production');
  const heaviest = 1 + Math.floor(config.QUERY_MAX_COST / config.RATE_LIMIT_COST_PER_POINT);
  if (config.RATE_LIMIT_POINTS < heaviest) {
    problems.push(
      `RATE_LIMIT_POINTS must be at least ${heaviest} (1 + QUERY_MAX_COST / RATE_LIMIT_COST_PER_POINT): the most ` +
        'costly operation allowed must fit the budget',
    );
  }
  if (config.DATABASE_WRITE_CONNECTIONS >= config.DATABASE_POOL_SIZE) {
    problems.push('DATABASE_WRITE_CONNECTIONS must be below DATABASE_POOL_SIZE: reads need connections of their own');
  }
  if (config.DATABASE_READ_URL && !config.DATABASE_URL) {
    problems.push('DATABASE_READ_URL needs DATABASE_URL: it is a standby of that server');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
