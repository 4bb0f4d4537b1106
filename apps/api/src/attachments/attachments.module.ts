import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttachmentEntity } from '@whistle/persistence';
import { CasesModule } from '../cases/cases.module';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { AttachmentsController, CaseAttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';
import { ATTACHMENT_STORAGE } from './storage/attachment-storage';
import { storageFromConfig } from './storage/storage-from-config';

@Module({
  imports: [TypeOrmModule.forFeature([AttachmentEntity]), CasesModule],
  controllers: [CaseAttachmentsController, AttachmentsController],
  providers: [
    AttachmentsService,
    { provide: ATTACHMENT_STORAGE, useFactory: (config: ApiConfig) => storageFromConfig(config), inject: [API_CONFIG] },
  ],
})
export class AttachmentsModule {}
