import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { UserEntity } from '@whistle/persistence';
import { randomBytes } from 'node:crypto';
import type { Repository } from 'typeorm';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { hashPassword } from './password';

/**
 * A new installation gets one `admin` account: its password from WHISTLE_ADMIN_PASSWORD, or generated and
 * logged once. There is never a fixed default password.
 */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('AdminBootstrap');

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (await this.users.existsBy({ username: 'admin' })) return;
    const password = this.config.WHISTLE_ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
    await this.users
      .createQueryBuilder()
      .insert()
      .values({ username: 'admin', passwordHash: await hashPassword(password), displayName: 'Administrator', roles: ['admin'], organizationId: null })
      .orIgnore()
      .execute();
    if (!this.config.WHISTLE_ADMIN_PASSWORD) this.logger.warn(`created user admin with generated password: ${password}`);
    else this.logger.log('created user admin with the password from WHISTLE_ADMIN_PASSWORD');
  }
}
