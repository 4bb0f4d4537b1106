import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@whistle/domain';
import { CurrentActor } from '../auth/auth.decorators';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/**
 * What the console needs from the deployment rather than from its build (a build is cached and served anywhere):
 * where the Temporal UI is, for coordinators to open a case's workflow (others get no link), and the maps' tile
 * server (a city's own; null: maps without a background) with its attribution and where a map opens.
 */
@ApiTags('health')
@Controller('console-config')
export class ConsoleConfigController {
  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  @Get()
  @ApiBearerAuth()
  @ApiOperation({ summary: "Deployment settings the console shows: the Temporal UI's address (coordinators only), the maps' tiles" })
  consoleConfig(@CurrentActor() actor: Actor) {
    const url = this.config.WHISTLE_TEMPORAL_UI_URL;
    const temporalUi = url && actor.roles.includes('coordinator') ? { url, namespace: this.config.TEMPORAL_NAMESPACE } : null;
    const map = {
      tileUrl: this.config.WHISTLE_MAP_TILE_URL ?? null,
      attribution: this.config.WHISTLE_MAP_ATTRIBUTION,
      center: this.config.WHISTLE_MAP_CENTER,
    };
    return { temporalUi, map };
  }
}
