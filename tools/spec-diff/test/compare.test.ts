// The field-level checks on small hand-made documents: one classification per test.
import { describe, expect, it } from 'vitest';
import { compareDocuments } from '../src/compare/index.js';
import type { Finding } from '../src/findings.js';
import { baseSpec } from './fixtures.js';

const list = '`GET /tasks/{taskId}/items`';
const create = '`POST /tasks/{taskId}/items`';

function diff(change: (document: any) => void): Finding[] {
  const before = baseSpec();
  const after = baseSpec();
  change(after);
  return compareDocuments(before, after);
}

/** Like `diff`, from a base that `setup` first changes on both sides. */
function diffOf(setup: (document: any) => void, change: (document: any) => void): Finding[] {
  const before = baseSpec();
  const after = baseSpec();
  setup(before);
  setup(after);
  change(after);
  return compareDocuments(before, after);
}

function summary(findings: Finding[]) {
  return findings.map(({ rule, severity, title, subject, where }) => ({ rule, severity, title, subject, where }));
}

describe('field-level comparison', () => {
  it('finds nothing between equal documents', () => {
    expect(diff(() => {})).toEqual([]);
  });

  it('response fields: removed and became-optional break, added does not', () => {
    expect(summary(diff((d) => delete d.components.schemas.Item.properties.note))).toEqual([
      {
        rule: 'property-removed',
        severity: 'breaking',
        title: 'Response field removed',
        subject: '`items[].note`',
        where: `${list}, response 200 (\`application/json\`)`,
      },
    ]);
    expect(summary(diff((d) => (d.components.schemas.Page.required = ['items'])))).toEqual([
      {
        rule: 'property-became-optional',
        severity: 'breaking',
        title: 'Response field became optional',
        subject: '`total`',
        where: `${list}, response 200 (\`application/json\`)`,
      },
    ]);
    expect(summary(diff((d) => (d.components.schemas.Page.properties.next = { type: 'string' })))).toEqual([
      {
        rule: 'property-added-optional',
        severity: 'non-breaking',
        title: 'Response field added',
        subject: '`next`',
        where: `${list}, response 200 (\`application/json\`)`,
      },
    ]);
  });

  it('request fields: new required and became-required break, new optional does not', () => {
    const where = `${create}, request body (\`application/json\`)`;
    expect(
      summary(
        diff((d) => {
          d.components.schemas.NewItem.properties.owner = { type: 'string' };
          d.components.schemas.NewItem.required.push('owner');
        })
      )
    ).toEqual([
      { rule: 'property-added-required', severity: 'breaking', title: 'Required request field added', subject: '`owner`', where },
    ]);
    expect(summary(diff((d) => d.components.schemas.NewItem.required.push('status')))).toEqual([
      { rule: 'property-became-required', severity: 'breaking', title: 'Request field became required', subject: '`status`', where },
    ]);
    expect(summary(diff((d) => (d.components.schemas.NewItem.properties.tag = { type: 'string' })))).toEqual([
      { rule: 'property-added-optional', severity: 'non-breaking', title: 'Optional request field added', subject: '`tag`', where },
    ]);
  });

  it('enums: narrowing breaks what clients send, widening breaks what clients receive', () => {
    const narrowed = diff((d) => (d.components.schemas.Status.enum = ['open']));
    expect(
      narrowed
        .filter((finding) => finding.severity === 'breaking')
        .map((finding) => `${finding.subject} @ ${finding.where}`)
        .sort()
    ).toEqual([`\`status\` @ ${list}, query parameter`, `\`status\` @ ${create}, request body (\`application/json\`)`]);
    // Item.parent is an Item again: a recursive schema is compared once, at its first occurrence.
    expect(narrowed.filter((finding) => finding.severity === 'non-breaking').map((finding) => finding.subject)).toEqual([
      '`items[].status`',
    ]);

    const widened = diff((d) => d.components.schemas.Status.enum.push('archived'));
    expect(widened.filter((finding) => finding.severity === 'breaking').map((finding) => finding.subject)).toEqual(['`items[].status`']);
    expect(widened.find((finding) => finding.severity === 'breaking')?.detail).toContain('`archived`');
  });

  it('enum of a query parameter: a value added widens what requests accept (non-breaking), a value removed breaks', () => {
    // The parameter gets an enum of its own, so that no shared schema also changes a body.
    const ownEnum = (document: any) => {
      document.paths['/tasks/{taskId}/items'].get.parameters[0].schema = { type: 'string', enum: ['open', 'done'] };
    };
    const statusEnum = (document: any): string[] => document.paths['/tasks/{taskId}/items'].get.parameters[0].schema.enum;
    const where = `${list}, query parameter`;

    const added = diffOf(ownEnum, (d) => statusEnum(d).push('archived'));
    expect(summary(added)).toEqual([{ rule: 'enum-widened', severity: 'non-breaking', title: 'Enum widened', subject: '`status`', where }]);
    expect(added[0]!.detail).toContain('`archived`');

    const removed = diffOf(ownEnum, (d) => statusEnum(d).splice(statusEnum(d).indexOf('done'), 1));
    expect(summary(removed)).toEqual([{ rule: 'enum-narrowed', severity: 'breaking', title: 'Enum narrowed', subject: '`status`', where }]);
    expect(removed[0]!.detail).toContain('`done`');
  });

  it('parameters: required added, removed and became-required break; optional added does not', () => {
    expect(
      summary(
        diff((d) =>
          d.paths['/tasks/{taskId}/items'].get.parameters.push({ name: 'q', in: 'query', required: true, schema: { type: 'string' } })
        )
      )
    ).toEqual([
      {
        rule: 'parameter-added-required',
        severity: 'breaking',
        title: 'Required parameter added',
        subject: '`q`',
        where: `${list}, query parameter`,
      },
    ]);
    expect(
      summary(diff((d) => d.paths['/tasks/{taskId}/items'].get.parameters.push({ name: 'q', in: 'query', schema: { type: 'string' } })))
    ).toEqual([
      {
        rule: 'parameter-added-optional',
        severity: 'non-breaking',
        title: 'Optional parameter added',
        subject: '`q`',
        where: `${list}, query parameter`,
      },
    ]);
    expect(summary(diff((d) => d.paths['/tasks/{taskId}/items'].get.parameters.pop()))).toEqual([
      {
        rule: 'parameter-removed',
        severity: 'breaking',
        title: 'Parameter removed',
        subject: '`limit`',
        where: `${list}, query parameter`,
      },
    ]);
    expect(summary(diff((d) => (d.paths['/tasks/{taskId}/items'].get.parameters[1].required = true)))).toEqual([
      {
        rule: 'parameter-became-required',
        severity: 'breaking',
        title: 'Parameter became required',
        subject: '`limit`',
        where: `${list}, query parameter`,
      },
    ]);
  });

  it('renaming a path parameter together with the path template is not a change of the URL', () => {
    const findings = diff((d) => {
      const pathItem = d.paths['/tasks/{taskId}/items'];
      pathItem.parameters[0].name = 'id';
      d.paths = { '/tasks/{id}/items': pathItem };
    });
    expect(findings.filter((finding) => finding.severity !== 'non-breaking')).toEqual([]);
    expect(findings.map((finding) => finding.title)).toContain('Path parameter renamed');
  });

  it('constraints: tighter breaks requests, looser breaks responses', () => {
    expect(summary(diff((d) => (d.paths['/tasks/{taskId}/items'].get.parameters[1].schema.maximum = 50)))).toEqual([
      {
        rule: 'constraint-tightened',
        severity: 'breaking',
        title: 'Constraint tightened',
        subject: '`limit`',
        where: `${list}, query parameter`,
      },
    ]);
    expect(summary(diff((d) => (d.components.schemas.NewItem.properties.name.maxLength = 128)))).toEqual([
      {
        rule: 'constraint-loosened',
        severity: 'non-breaking',
        title: 'Constraint loosened',
        subject: '`name`',
        where: `${create}, request body (\`application/json\`)`,
      },
    ]);
    expect(summary(diff((d) => (d.components.schemas.Page.properties.total.nullable = true)))).toEqual([
      {
        rule: 'nullable-added',
        severity: 'breaking',
        title: 'Nullability changed',
        subject: '`total`',
        where: `${list}, response 200 (\`application/json\`)`,
      },
    ]);
  });

  it('a changed type breaks in either direction', () => {
    expect(summary(diff((d) => (d.components.schemas.Page.properties.total.type = 'string')))).toEqual([
      {
        rule: 'type-changed',
        severity: 'breaking',
        title: 'Type changed',
        subject: '`total`',
        where: `${list}, response 200 (\`application/json\`)`,
      },
    ]);
  });

  it('security: a new requirement breaks, dropping one relaxes, a renamed header breaks', () => {
    expect(summary(diff((d) => (d.paths['/tasks/{taskId}/items'].get.security = [{ key: [], token: [] }])))).toEqual([
      {
        rule: 'security-tightened',
        severity: 'breaking',
        title: 'Security requirements tightened',
        subject: '',
        where: `${list}, security`,
      },
    ]);
    expect(summary(diff((d) => (d.paths['/tasks/{taskId}/items'].post.security = [{ key: [] }])))).toEqual([
      {
        rule: 'security-relaxed',
        severity: 'non-breaking',
        title: 'Security requirements relaxed',
        subject: '',
        where: `${create}, security`,
      },
    ]);
    expect(summary(diff((d) => (d.components.securitySchemes.key.name = 'X-App-Key')))).toEqual([
      {
        rule: 'security-scheme-changed',
        severity: 'breaking',
        title: 'Security scheme changed',
        subject: '',
        where: 'security scheme `key`',
      },
    ]);
  });

  it('documentation: examples and descriptions are non-breaking and say so', () => {
    const findings = diff((d) => {
      d.components.examples.First.value.total = 3;
      d.components.schemas.Item.properties.note.description = 'Free text, at most 1000 characters.';
      d.paths['/tasks/{taskId}/items'].get.summary = 'List the items of a task';
    });
    expect(summary(findings)).toEqual([
      { rule: 'documentation-changed', severity: 'non-breaking', title: 'Operation summary changed', subject: '', where: list },
      {
        rule: 'schema-documentation-changed',
        severity: 'non-breaking',
        title: 'Schema description changed',
        subject: '`items[].note`',
        where: `${list}, response 200 (\`application/json\`)`,
      },
      {
        rule: 'example-changed',
        severity: 'non-breaking',
        title: 'Example changed',
        subject: '`First`',
        where: `${list}, response 200 (\`application/json\`)`,
      },
    ]);
  });

  it('moving fields into an allOf changes no value allowed: one non-breaking line says it is written differently', () => {
    expect(
      summary(
        diff((d) => {
          const { id, ...rest } = d.components.schemas.Item.properties;
          d.components.schemas.ItemId = { type: 'object', required: ['id'], properties: { id } };
          d.components.schemas.Item = {
            allOf: [{ $ref: '#/components/schemas/ItemId' }, { type: 'object', required: ['status'], properties: rest }],
          };
        })
      )
    ).toEqual([
      {
        rule: 'equivalent-form-changed',
        severity: 'non-breaking',
        title: 'Written differently, means the same',
        subject: '`items[]`',
        where: `${list}, response 200 (\`application/json\`)`,
      },
    ]);
  });

  it('changes the checks cannot judge are unclassified, never dropped', () => {
    expect(summary(diff((d) => (d.servers = [{ url: 'https://api2.example.invalid' }])))).toEqual([
      { rule: 'servers-changed', severity: 'unclassified', title: 'Servers changed', subject: '', where: 'the document' },
    ]);
    expect(diff((d) => (d.servers[0]['x-internal'] = false))[0]?.detail).toBe('same URLs; changed: `servers/0/x-internal`');
    expect(summary(diff((d) => (d.components.schemas.Page.properties.total['x-internal'] = true)))).toEqual([
      {
        rule: 'schema-keyword-changed',
        severity: 'unclassified',
        title: 'Schema `x-internal` changed',
        subject: '`total`',
        where: `${list}, response 200 (\`application/json\`)`,
      },
    ]);
    expect(summary(diff((d) => (d.components.schemas.Unused = { type: 'string' })))).toEqual([
      {
        rule: 'unused-component-changed',
        severity: 'non-breaking',
        title: 'Unused component added',
        subject: '`components.schemas.Unused`',
        where: 'the document',
      },
    ]);
  });

  it('names unused components by their own names, `/` and `~` included, one line per component', () => {
    const unused = (change: string, subject: string) => ({ rule: 'unused-component-changed', severity: 'non-breaking', title: `Unused component ${change}`, subject, where: 'the document' });
    // A whole section added: one line per entry.
    expect(summary(diff((d) => (d.components.headers = { 'X-Rate/Limit': { schema: { type: 'integer' } }, 'a~b': { schema: { type: 'string' } } })))).toEqual([
      unused('added', '`components.headers.X-Rate/Limit`'),
      unused('added', '`components.headers.a~b`'),
    ]);
    // Deep changes inside one component: one line for it.
    expect(
      summary(
        diffOf(
          (d) => (d.components.schemas['Old/Shape~1'] = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } } }),
          (d) => {
            d.components.schemas['Old/Shape~1'].properties.a.maxLength = 3;
            d.components.schemas['Old/Shape~1'].properties.b.minLength = 1;
          },
        ),
      ),
    ).toEqual([unused('changed', '`components.schemas.Old/Shape~1`')]);
  });
});
