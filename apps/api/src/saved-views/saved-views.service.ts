import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isUuid, type Actor } from '@whistle/domain';
import { SavedViewEntity } from '@whistle/persistence';
import type { FastifyReply } from 'fastify';
import type { Repository } from 'typeorm';
import { v4 as uuidv4 } from 'uuid';
import { ApiError } from '../common/api-error';
import { listPage } from '../common/list-page';
import type { ListQuery } from '../common/list-query';

export interface SavedViewInput {
  name: string;
  filter: Record<string, unknown>;
}

export const savedViewView = (v: SavedViewEntity) => ({ id: v.id, name: v.name, filter: v.filter, createdAt: v.createdAt });
export type SavedViewView = ReturnType<typeof savedViewView>;

/** A user's saved case filters. Every read and write is narrowed to the owner: anyone else's id is a 404. */
@Injectable()
export class SavedViewsService {
  constructor(@InjectRepository(SavedViewEntity) private readonly views: Repository<SavedViewEntity>) {}

  async list(query: ListQuery, actor: Actor, reply: FastifyReply): Promise<SavedViewView[]> {
    const qb = this.views.createQueryBuilder('v').where('v.user_id = :owner', { owner: ownerOf(actor) });
    const rows = await listPage(qb, query, { id: { column: 'v.id::text' } }, { name: 'v.name', createdAt: 'v.created_at' }, reply, 'saved-views');
    return rows.map(savedViewView);
  }

  async get(id: string, actor: Actor): Promise<SavedViewView> {
    return savedViewView(await this.own(id, actor));
  }

  /** Saving under a name the user already has replaces that view's filter ("save" over an existing view). */
  async save(input: SavedViewInput, actor: Actor): Promise<SavedViewView> {
    const userId = ownerOf(actor);
    const existing = await this.views.findOneBy({ userId, name: input.name });
    if (existing) {
      existing.filter = input.filter;
      return savedViewView(await this.views.save(existing));
    }
    return savedViewView(await this.views.save(this.views.create({ id: uuidv4(), userId, name: input.name, filter: input.filter })));
  }

  /** Answers the deleted view, as react-admin's delete expects. */
  async remove(id: string, actor: Actor): Promise<SavedViewView> {
    const view = await this.own(id, actor);
    await this.views.delete({ id: view.id, userId: view.userId });
    return savedViewView(view);
  }

  private async own(id: string, actor: Actor): Promise<SavedViewEntity> {
    const view = isUuid(id) ? await this.views.findOneBy({ id, userId: ownerOf(actor) }) : null;
    if (!view) throw ApiError.notFound(`saved view ${id}`);
    return view;
  }
}

function ownerOf(actor: Actor): string {
  if (!actor.userId) throw new ApiError('forbidden', 'only a signed-in user has saved views');
  return actor.userId;
}
