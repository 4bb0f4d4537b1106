import { en } from '../i18n/en';
import { formatWhen } from './when';

/**
 * What an API error body says about a refusal: a stable `reason` (snake_case) with flat `params` to word it,
 * beside the HTTP-level `code` and the server's English `message`.
 */
export interface Refusal {
  code?: string;
  reason?: string;
  params?: Record<string, string | number>;
  message?: string;
  details?: { issues?: { path: string; message: string }[] };
}

/** react-admin's translate (polyglot: `%{param}` interpolation, `_` as the default, `smart_count` for plurals). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface RefusalWording {
  translate: Translate;
  /** The console's locale, for dates. */
  locale: string | undefined;
  /** A unit's name where the console knows it; a unit it cannot name is worded "this unit". */
  organizationName?: (organizationId: string) => string | undefined;
}

const REASONS_KEY = 'whistle.refusals';

/** The reasons the console words: the keys of its table (zh.ts is typed against en.ts, so both have each). */
export const WORDED_REASONS: readonly string[] = Object.keys(en.whistle.refusals);

/** An action's name in the console's language: the case action buttons' label, else the audit trail's. */
export function actionName(translate: Translate, type: string): string {
  return translate(`whistle.actions.${type}`, { _: translate(`whistle.audit.actions.${type}`, { _: type }) });
}

/** The refused fields of an `invalid_input`, by their labels in the action dialogs where they have one. */
function fieldList(refusal: Refusal, translate: Translate, fallback: string): string {
  const paths = [...new Set((refusal.details?.issues ?? []).map((issue) => issue.path).filter(Boolean))];
  if (paths.length === 0) return fallback;
  return paths.map((path) => translate(`whistle.actionFields.${path}`, { _: path })).join(translate('whistle.refusalWords.listSeparator'));
}

/**
 * The params as the sentences use them: action, stage and decision names translated, moments (`...At`) in
 * Beijing time like every time in the console, a count as polyglot's `smart_count`, an organization id as the
 * unit's name.
 */
function sentenceArgs(refusal: Refusal, wording: RefusalWording, fallback: string): Record<string, unknown> {
  const { translate, locale, organizationName } = wording;
  const args: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(refusal.params ?? {})) {
    const text = String(value);
    if (name === 'action') args.action = actionName(translate, text);
    else if (name === 'stage') args.stage = translate(`whistle.stages.${text}`, { _: text });
    else if (name === 'state') args.state = translate(`whistle.extension.states.${text}`, { _: text });
    else if (name === 'count') Object.assign(args, { count: value, smart_count: Number(value) });
    else if (name === 'organizationId') args.organization = organizationName?.(text);
    else if (name.endsWith('At')) args[name] = formatWhen(text, locale, { empty: text });
    else args[name] = value;
  }
  args.organization ??= translate('whistle.refusalWords.someUnit');
  if (refusal.reason === 'invalid_input') args.fields = fieldList(refusal, translate, fallback);
  return args;
}

/**
 * A refusal in the console's language, worded from its `reason` and `params`. A reason the console has no words
 * for (a newer API's, or a non-case error whose reason is its code) falls back to the server's message, then to
 * `fallback`.
 */
export function refusalMessage(refusal: Refusal | null | undefined, fallback: string, wording: RefusalWording): string {
  const serverMessage = refusal?.message ?? fallback;
  if (!refusal?.reason || !WORDED_REASONS.includes(refusal.reason)) return serverMessage;
  return wording.translate(`${REASONS_KEY}.${refusal.reason}`, { ...sentenceArgs(refusal, wording, serverMessage), _: serverMessage });
}
