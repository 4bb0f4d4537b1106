import { Controller, Delete, Get, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@whistle/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Public } from '../auth/auth.decorators';
import { AttachmentsService } from './attachments.service';
import { uploadFormSchema } from './attachments.openapi';

/** `inline` to show, `attachment` to save; the name both as plain ASCII and, exactly, in UTF-8 (RFC 6266). */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

@ApiTags('attachments')
@ApiBearerAuth()
@Controller('cases/:id/attachments')
export class CaseAttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @ApiOperation({
    summary:
      'Add a photo (JPEG, PNG, WebP) or a PDF to a case, as multipart/form-data: `purpose` (whistle, action_item, task, resolution), `targetId` for an item or a task, then `file`. The type is told from the content (415 otherwise), the size is limited (413); images lose their metadata (EXIF, GPS) and get a thumbnail; audited',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: uploadFormSchema })
  upload(@Param('id') id: string, @Req() request: FastifyRequest, @CurrentActor() actor: Actor) {
    return this.attachments.upload(id, request, actor);
  }

  @Get()
  @ApiOperation({ summary: "The case's photos and documents, oldest first, each with signed links (original, thumbnail) that expire" })
  list(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.attachments.list(id, actor);
  }
}

@ApiTags('attachments')
@Controller('attachments/:id')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Get('content')
  @Public()
  @ApiOperation({
    summary:
      "The bytes of an attachment, through a signed link from the case's list (no bearer token: the signature is the permission until it expires; a forged or expired link is a 403); downloads of originals are audited",
  })
  @ApiQuery({ name: 'variant', enum: ['original', 'thumbnail'] })
  @ApiQuery({ name: 'expires', description: 'Unix seconds, as signed' })
  @ApiQuery({ name: 'to', required: false, description: 'The user the link was issued to, as signed' })
  @ApiQuery({ name: 'signature' })
  @ApiQuery({ name: 'download', required: false, enum: ['1'], description: '1: save as a file instead of showing it' })
  async content(@Param('id') id: string, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply) {
    const content = await this.attachments.content(id, query);
    void reply.header('x-content-type-options', 'nosniff');
    return new StreamableFile(content.stream, {
      type: content.contentType,
      disposition: contentDisposition(query.download === '1' ? 'attachment' : 'inline', content.fileName),
    });
  }

  @Delete()
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Delete an attachment: whoever added it, or a coordinator, while the case is still in the stage it was added in (409 after); audited',
  })
  remove(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.attachments.remove(id, actor);
  }
}
