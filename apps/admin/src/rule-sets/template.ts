import { DEFAULT_RULE_SET_DEFINITION, type RuleSetDefinition } from '@whistle/domain';

/**
 * What a new draft starts from: the built-in limits, with a reminder and an escalation on reporting in as
 * an example of the shape, so an admin edits rules rather than facing an empty box.
 */
export const TEMPLATE_DEFINITION: RuleSetDefinition = {
  ...DEFAULT_RULE_SET_DEFINITION,
  stages: {
    ...DEFAULT_RULE_SET_DEFINITION.stages,
    registration: {
      ...DEFAULT_RULE_SET_DEFINITION.stages.registration,
      reminders: [
        { at: 'PT20H', notify: ['assignee'], level: 'reminder' },
        { at: 'P1D', notify: ['leader', 'assignee'], level: 'escalation' },
      ],
    },
  },
};

/** The definition as the editor shows it. */
export function definitionText(definition: unknown): string {
  return JSON.stringify(definition ?? {}, null, 2);
}

export type ParsedText = { ok: true; value: Record<string, unknown> } | { ok: false; error: string };

/** The editor's text as a JSON object, or why it is not one. */
export function parseDefinitionText(text: string): ParsedText {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: 'whistle.ruleSets.notAnObject' };
    return { ok: true, value: value as Record<string, unknown> };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}
