import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Roles } from '../auth/auth.decorators';
import { ZodBody } from '../common/zod-body.pipe';
import { RuleSetSimulationService, simulateRequestSchema, type SimulateRequest } from './rule-set-simulation.service';

/** `POST /api/rule-sets/simulate`: the dry run, for the admins who write rules and the coordinators who live by them. */
@ApiTags('rule-sets')
@ApiBearerAuth()
@Controller('rule-sets')
export class RuleSetSimulationController {
  constructor(private readonly simulation: RuleSetSimulationService) {}

  @Post('simulate')
  @HttpCode(200)
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: 'Dry run: the timeline a case opened at `start` would follow if every step were taken just at its limit',
    description:
      'Computed by the case machine and the clock functions the workflow sets its timers with: every stage with its start and due time, ' +
      "every dispatched unit's and task's due time, every reminder and escalation with its recipients, on the rule set's calendar. " +
      'Assumes the street dispatches at the whistle limit (to the default lead, else `{placeholder: "lead"}`), each unit registers at its limit, ' +
      'required tasks are completed at their due time (the step waits for them), optional tasks are left open, coordination is concluded at its ' +
      'limit (skipped when optional, else after a meeting at that moment), the case is resolved at the resolution limit and nobody rates it ' +
      '(it closes as no response, or with keepOpen waits after its last reminder). A stage without a limit lasts until its last reminder. ' +
      'A draft definition gets the same checks as publishing (400 with `problems`).',
  })
  @ApiBody({ schema: z.toJSONSchema(simulateRequestSchema, { io: 'input' }) as object })
  simulate(@Body(new ZodBody(simulateRequestSchema)) body: SimulateRequest) {
    return this.simulation.simulate(body);
  }
}
