import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WhistleCategory } from '@whistle/domain';
import { RuleSetsService } from '../rule-sets/rule-sets.service';

/**
 * What a whistle may be about. Rule sets are the street's (there is one street per deployment today), so every
 * caller gets the same list; any signed-in user may read it, as the directory.
 */
@ApiTags('directory')
@ApiBearerAuth()
@Controller('categories')
export class CategoriesController {
  constructor(private readonly ruleSets: RuleSetsService) {}

  @Get()
  @ApiOperation({
    summary:
      'The categories a whistle may use: the standard ones, then those a published rule set names; each with the rule set a normal case of it starts with (null: the built-in rules)',
  })
  list(): Promise<WhistleCategory[]> {
    return this.ruleSets.whistleCategories();
  }
}
