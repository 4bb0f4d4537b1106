import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationEntity, NotificationReadEntity } from '@whistle/persistence';
import { NotificationsController } from './notifications.controller';

@Module({ imports: [TypeOrmModule.forFeature([NotificationEntity, NotificationReadEntity])], controllers: [NotificationsController] })
export class NotificationsModule {}
