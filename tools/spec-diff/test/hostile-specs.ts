// Small hostile specs, generated: each would cost minutes and gigabytes to an unbounded reader.
// Every function returns files to write under openapi/ (path -> text) on top of the base spec,
// whose response schema is `./pet.yaml`.

/** A YAML "billion laughs": `levels` anchors, each ten aliases of the one before, in flow sequences or mappings. */
export function aliasBomb(levels: number, indent = '', style: 'sequence' | 'mapping' = 'sequence'): string {
  const ten = (item: (index: number) => string) => Array.from({ length: 10 }, (_, index) => item(index)).join(', ');
  const wrap = (items: string) => (style === 'sequence' ? `[${items}]` : `{${items}}`);
  const entry = (value: string) => (index: number) => (style === 'sequence' ? value : `k${index}: ${value}`);
  const lines = [`${indent}l0: &l0 ${wrap(ten(entry('lol')))}`];
  for (let level = 1; level <= levels; level += 1) {
    lines.push(`${indent}l${level}: &l${level} ${wrap(ten(entry(`*l${level - 1}`)))}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `files` schemas, each with two properties referring to the next: a DAG of 2^files paths. */
export function propertyDag(files: number): Record<string, string> {
  const result: Record<string, string> = {};
  for (let index = 0; index < files; index += 1) {
    const next = index + 1 < files ? `./n${index + 1}.yaml` : undefined;
    const property = next === undefined ? '{ type: string }' : `{ $ref: '${next}' }`;
    result[index === 0 ? 'pet.yaml' : `n${index}.yaml`] = `type: object\nproperties:\n  a: ${property}\n  b: ${property}\n`;
  }
  return result;
}

/** A chain of `files` schemas, each one property deep into the next. */
export function chain(files: number, leaf = '{ type: string }'): Record<string, string> {
  const result: Record<string, string> = {};
  for (let index = 0; index < files; index += 1) {
    const next = index + 1 < files ? `{ $ref: './c${index + 1}.yaml' }` : leaf;
    result[index === 0 ? 'pet.yaml' : `c${index}.yaml`] = `type: object\nproperties:\n  next: ${next}\n`;
  }
  return result;
}

/** A pattern with catastrophic backtracking and an example that sets it off. */
export const catastrophicPattern = {
  'pet.yaml': `type: object\nproperties:\n  name:\n    type: string\n    pattern: '^(a+)+$'\n    example: '${'a'.repeat(40)}!'\n`,
};
