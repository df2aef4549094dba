// The scene `npm start` shows: one edit of the spec (a response field removed from a schema) and
// what the spec review's consumer check says of it, team by team, from the pacts in consumers/.
import { loadRegisteredPacts } from '../registry.js';
import { reviewConsumers } from '../review.js';

export interface FieldRemovalScene {
  readonly schema: string;
  readonly field: string;
  /** Each registered team: the interactions and fields of its pact the edit breaks (none: not affected). */
  readonly teams: readonly { readonly consumer: string; readonly broken: readonly { readonly interaction: string; readonly field: string }[] }[];
}

interface BundledSpec {
  components?: { schemas?: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
}

/** `spec` (bundled, not modified) with `field` removed from `components.schemas[schema]`, checked against every registered pact. */
export async function fieldRemovalScene(spec: object, schema: string, field: string): Promise<FieldRemovalScene> {
  const edited = structuredClone(spec) as BundledSpec;
  const target = edited.components?.schemas?.[schema];
  if (!target?.properties || !Object.hasOwn(target.properties, field)) throw new Error(`the spec has no field ${schema}.${field}`);
  delete target.properties[field];
  if (target.required) target.required = target.required.filter((name) => name !== field);
  const review = await reviewConsumers(edited, loadRegisteredPacts(), []);
  const teams = review.checks.map(({ consumer, problems }) => ({
    consumer,
    broken: problems.map(({ interaction, field: where }) => ({ interaction, field: where })),
  }));
  return { schema, field, teams };
}

/** The scene in a few lines for a terminal. */
export function describeFieldRemovalScene({ schema, field, teams }: FieldRemovalScene): string {
  const lines = [`Spec edit: remove ${field} from ${schema}. The spec review's consumer check (consumers/):`];
  for (const { consumer, broken } of teams) {
    if (broken.length === 0) lines.push(`  ${consumer}: not affected`);
    for (const { interaction, field: where } of broken) lines.push(`  ${consumer}: BROKEN - "${interaction}" reads ${where}`);
  }
  return `${lines.join('\n')}\n`;
}
