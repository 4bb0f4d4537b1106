import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseEntity, CaseEventEntity } from '@whistle/persistence';
import { DirectoryModule } from '../directory/directory.module';
import { CaseWorkflows } from './case-workflows';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

@Module({
  imports: [TypeOrmModule.forFeature([CaseEntity, CaseEventEntity]), DirectoryModule],
  controllers: [CasesController],
  providers: [CasesService, CaseWorkflows],
})
export class CasesModule {}
