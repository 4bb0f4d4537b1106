import { Body, Controller, Delete, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  createCategorySchema,
  updateCategorySchema,
  type CreateCategoryRequest,
  type UpdateCategoryRequest,
  type WhistleCategory,
} from '@whistle/domain';
import { z } from 'zod';
import { Roles } from '../auth/auth.decorators';
import { ZodBody } from '../common/zod-body.pipe';
import { CategoriesService } from './categories.service';

/**
 * What a whistle may be about: the category directory admins keep. Every signed-in user reads all of it, retired
 * categories included (marked `active: false`), since the console words old cases with their names.
 */
@ApiTags('directory')
@ApiBearerAuth()
@Controller('categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Get()
  @ApiOperation({
    summary:
      'Every category: the directory in its order (retired ones `active: false`; a whistle may use only active ones), then those only a published rule set names (`inDirectory: false`, usable); each with the rule set a normal case of it starts with (null: the built-in rules)',
  })
  list(): Promise<WhistleCategory[]> {
    return this.categories.list();
  }

  @Get(':code')
  @ApiOperation({ summary: 'One category of the directory' })
  get(@Param('code') code: string) {
    return this.categories.get(code);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a category to the directory (admin); its code never changes. A code only a rule set named is taken in.' })
  @ApiBody({ schema: z.toJSONSchema(createCategorySchema, { io: 'input' }) as object })
  create(@Body(new ZodBody(createCategorySchema)) body: CreateCategoryRequest) {
    return this.categories.create(body);
  }

  @Put(':code')
  @Roles('admin')
  @ApiOperation({ summary: 'Rename, reorder, retire (`active: false`) or bring back a category (admin); the code cannot change' })
  @ApiBody({ schema: z.toJSONSchema(updateCategorySchema, { io: 'input' }) as object })
  update(@Param('code') code: string, @Body(new ZodBody(updateCategorySchema)) body: UpdateCategoryRequest) {
    return this.categories.update(code, body);
  }

  @Delete(':code')
  @Roles('admin')
  @ApiOperation({ summary: 'Delete a category no case and no rule set names, e.g. a typo (admin); 409 otherwise: retire it instead' })
  delete(@Param('code') code: string) {
    return this.categories.delete(code);
  }
}
