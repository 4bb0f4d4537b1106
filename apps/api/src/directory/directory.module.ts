import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationEntity, UserEntity } from '@whistle/persistence';
import { DirectoryService } from './directory.service';
import { OrganizationsController } from './organizations.controller';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([OrganizationEntity, UserEntity])],
  controllers: [OrganizationsController, UsersController],
  providers: [DirectoryService, UsersService],
  exports: [DirectoryService],
})
export class DirectoryModule {}
