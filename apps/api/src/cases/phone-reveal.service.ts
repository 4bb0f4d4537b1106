import { Injectable } from '@nestjs/common';
import { mayRevealPhone, parsePhoneField, phoneAt, type Actor, type RevealPhoneRequest } from '@whistle/domain';
import { AuditService } from '../audit/audit.service';
import { ApiError } from '../common/api-error';
import { CasesService, withStreet } from './cases.service';

/**
 * The one way to a full phone number: a person who must call (`mayRevealPhone`) names the number, and the reveal
 * is audited (the field, never the number) before the number is returned.
 */
@Injectable()
export class PhoneReveals {
  constructor(
    private readonly cases: CasesService,
    private readonly audit: AuditService,
  ) {}

  async reveal(caseId: string, request: RevealPhoneRequest, actor: Actor): Promise<{ field: string; phone: string }> {
    const row = await this.cases.visibleCase(caseId, actor);
    const { field } = request;
    if (!parsePhoneField(field)) {
      throw ApiError.invalid([{ path: 'field', message: 'must be reporter, contact:<organizationId> or attendee:<meetingId>:<index>' }]);
    }
    if (!mayRevealPhone(actor, withStreet(row.state, row), field)) {
      throw new ApiError('forbidden', "only the case's community, its street's coordinators and its lead unit while open may reveal a number");
    }
    const phone = phoneAt(row.state, field);
    if (!phone) throw ApiError.notFound(`phone ${field} on case ${row.id}`);
    await this.audit.record({ kind: 'case.phone_revealed', target: { type: 'case', id: row.id }, data: { field } });
    return { field, phone };
  }
}
