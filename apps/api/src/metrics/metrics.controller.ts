import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { computeRates, type Actor } from '@whistle/domain';
import { CaseEntity } from '@whistle/persistence';
import { Repository } from 'typeorm';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { caseScopeSql } from '../cases/case-scope.sql';
import { ApiError } from '../common/api-error';
import { instant } from '../common/instant';

/** What leaders watch: response, resolution and satisfaction rates, overall and per unit. */
@ApiTags('metrics')
@ApiBearerAuth()
@Controller('metrics')
export class MetricsController {
  constructor(@InjectRepository(CaseEntity) private readonly cases: Repository<CaseEntity>) {}

  @Get('rates')
  // Admins see no cases (they administer), so they have no rates either.
  @Roles('leader', 'coordinator')
  @ApiOperation({ summary: "Response, resolution and satisfaction rates of your street's cases opened in [from, to)" })
  @ApiQuery({ name: 'from', required: false, description: 'ISO date; default 30 days ago' })
  @ApiQuery({ name: 'to', required: false, description: 'ISO date; default now' })
  async rates(@CurrentActor() actor: Actor, @Query('from') fromText?: unknown, @Query('to') toText?: unknown) {
    const now = new Date();
    const to = instant('to', toText, now);
    const from = instant('from', fromText, new Date(to.getTime() - 30 * 86_400_000));
    if (from >= to) throw ApiError.invalid([{ path: 'from', message: 'must be before to' }]);
    const scope = caseScopeSql(actor, 'c');
    const rows = await this.cases
      .createQueryBuilder('c')
      .select(['c.id', 'c.state'])
      .where('c.created_at >= :from AND c.created_at < :to', { from, to })
      .andWhere(scope.where, scope.params)
      .getMany();
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      ...computeRates(
        rows.map((r) => r.state),
        now.toISOString(),
      ),
    };
  }
}
