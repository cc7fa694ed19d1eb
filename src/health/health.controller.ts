import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { DatabaseLifecycle } from '../database/database-lifecycle.service.js';
import { NotificationsService } from '../database/notifications.service.js';

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly notifications: NotificationsService,
    private readonly lifecycle: DatabaseLifecycle,
  ) {}

  /** Liveness: the process answers. */
  @Get()
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /**
   * Readiness: started (migrations and first-start work done) and not shutting down, the database answers, and
   * change notices (subscriptions, webhooks) arrive.
   */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => {
        const check = this.indicators.check('service');
        if (this.lifecycle.ready) return check.up();
        return check.down({ message: this.lifecycle.state });
      },
      () => this.db.pingCheck('database', { timeout: 2000 }),
      () => {
        const check = this.indicators.check('notifications');
        return this.notifications.connected() ? check.up() : check.down({ message: 'LISTEN connection lost' });
      },
    ]);
  }
}
