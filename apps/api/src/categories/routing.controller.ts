import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RoutingRow } from '@whistle/domain';
import { Roles } from '../auth/auth.decorators';
import { CategoriesService } from './categories.service';

/** `GET /api/routing`: where each rule set applies, for the admins who write rules and the coordinators who live by them. */
@ApiTags('rule-sets')
@ApiBearerAuth()
@Controller('routing')
export class RoutingController {
  constructor(private readonly categories: CategoriesService) {}

  @Get()
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary:
      'The routing table: for every category a new whistle may use and each urgency, the published rule set (and version) a new case gets now (null: the built-in rules), chosen exactly as opening a case chooses',
  })
  routing(): Promise<RoutingRow[]> {
    return this.categories.routing();
  }
}
