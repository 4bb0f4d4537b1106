import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { refuseUnsafeText, simulateCase, simulationCaseSchema, validateDefinition, type RuleSetSnapshot, type Simulation } from '@whistle/domain';
import { RuleSetVersionEntity } from '@whistle/persistence';
import type { Repository } from 'typeorm';
import { z } from 'zod';
import { ApiError } from '../common/api-error';
import { RuleSetsService } from './rule-sets.service';

/**
 * What to dry-run: a draft `definition`, a published `ruleSetId` and `version`, or neither (the rules a new case of
 * this category and urgency would get now); and the case's `start`, `category` and `urgency`.
 */
export const simulateRequestSchema = z
  .object({
    definition: z.record(z.string(), z.unknown()).optional(),
    ruleSetId: z.uuid().optional(),
    version: z.int().min(1).max(1_000_000).optional(),
    ...simulationCaseSchema.shape,
  })
  .strict()
  .superRefine(refuseUnsafeText)
  .superRefine((body, ctx) => {
    if (body.definition !== undefined && (body.ruleSetId !== undefined || body.version !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['definition'], message: 'give either a definition or a ruleSetId and version, not both' });
    }
    if ((body.ruleSetId === undefined) !== (body.version === undefined)) {
      ctx.addIssue({ code: 'custom', path: [body.ruleSetId === undefined ? 'ruleSetId' : 'version'], message: 'ruleSetId and version go together' });
    }
  });
export type SimulateRequest = z.infer<typeof simulateRequestSchema>;

/** The rules a dry run walks, with where they came from: null for a draft. */
export type SimulationAnswer = Simulation & { ruleSet: { ruleSetId: string; version: number } | null };

@Injectable()
export class RuleSetSimulationService {
  constructor(
    private readonly ruleSets: RuleSetsService,
    @InjectRepository(RuleSetVersionEntity) private readonly versions: Repository<RuleSetVersionEntity>,
  ) {}

  async simulate(request: SimulateRequest): Promise<SimulationAnswer> {
    const { snapshot, draft } = await this.rulesOf(request);
    let simulation: Simulation;
    try {
      simulation = simulateCase(snapshot, request);
    } catch (error) {
      // The domain's functions are total over sane rules; what throws is rules time cannot run on (a time zone that
      // does not exist, a calendar without working days, a limit past the year 275760): the rules' fault, not the server's.
      const message = error instanceof Error ? error.message : String(error);
      throw new ApiError('invalid', `these rules cannot be walked from ${request.start}: ${message}`, { problems: [{ path: '', message }] });
    }
    return { ruleSet: draft ? null : { ruleSetId: snapshot.ruleSetId, version: snapshot.version }, ...simulation };
  }

  private async rulesOf(request: SimulateRequest): Promise<{ snapshot: RuleSetSnapshot; draft: boolean }> {
    if (request.definition !== undefined) {
      // Checked exactly as the live check and publishing check it, so a draft that dry-runs also publishes.
      const check = validateDefinition(request.definition);
      if (!check.ok) throw new ApiError('invalid', `the definition has ${check.problems.length} problem(s)`, { problems: check.problems });
      const problems = await this.ruleSets.missingReferences(check.definition);
      if (problems.length) throw new ApiError('invalid', `the definition names ${problems.length} unknown organization(s) or user(s)`, { problems });
      return { snapshot: { ruleSetId: 'draft', version: 0, definition: check.definition }, draft: true };
    }
    if (request.ruleSetId !== undefined && request.version !== undefined) {
      const version = await this.versions.findOneBy({ ruleSetId: request.ruleSetId, version: request.version });
      if (!version) {
        const problems = [{ path: 'version', message: `rule set ${request.ruleSetId} has no published version ${request.version}` }];
        throw new ApiError('invalid', problems[0]!.message, { problems });
      }
      // Published definitions were parsed on publishing; parsing again fills defaults added since, as a new case would.
      const check = validateDefinition(version.definition);
      if (!check.ok) throw new ApiError('invalid', `version ${version.version} no longer parses`, { problems: check.problems });
      return { snapshot: { ruleSetId: version.ruleSetId, version: version.version, definition: check.definition }, draft: false };
    }
    return { snapshot: await this.ruleSets.snapshotFor(request.category, request.urgency), draft: false };
  }
}
