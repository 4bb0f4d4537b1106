import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SavedViewEntity } from '@whistle/persistence';
import { SavedViewsController } from './saved-views.controller';
import { SavedViewsService } from './saved-views.service';

@Module({ imports: [TypeOrmModule.forFeature([SavedViewEntity])], controllers: [SavedViewsController], providers: [SavedViewsService] })
export class SavedViewsModule {}
