import { Injectable, Module } from '@nestjs/common';
import { InjectRepository, TypeOrmModule } from '@nestjs/typeorm';
import type { DirectoryCategory } from '@whistle/domain';
import { CategoryEntity } from '@whistle/persistence';
import type { Repository } from 'typeorm';

/**
 * Reads the category directory. Its own module, with no other dependency, so that rule sets (which need the known
 * categories) and the categories' admin endpoints (which need the rule sets) can both use it.
 */
@Injectable()
export class CategoryDirectory {
  constructor(@InjectRepository(CategoryEntity) readonly categories: Repository<CategoryEntity>) {}

  /** Every directory category, retired ones included. */
  async all(): Promise<DirectoryCategory[]> {
    return this.categories.find({ order: { sortOrder: 'ASC', code: 'ASC' } });
  }
}

@Module({
  imports: [TypeOrmModule.forFeature([CategoryEntity])],
  providers: [CategoryDirectory],
  exports: [CategoryDirectory],
})
export class CategoryDirectoryModule {}
