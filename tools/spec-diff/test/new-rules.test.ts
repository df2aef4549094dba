// One small fixture per rule of issue 14: each test edits thingsSpec() (fixtures.ts) the way a pull
// request would and asserts which rules fire, and how bad each is in its direction.
import { describe, expect, it } from 'vitest';
import { compareDocuments } from '../src/compare/index.js';
import { thingsSpec } from './fixtures.js';

const post = '`POST /things`';
const query = `${post}, query parameter`;
const requestBody = `${post}, request body (\`application/json\`)`;
const response = `${post}, response 200 (\`application/json\`)`;

/** `rule severity subject @ where` for each finding of the edited fixture against the original. */
function diff(change: (document: any) => void, setup: (document: any) => void = () => {}): string[] {
  const before = thingsSpec();
  const after = thingsSpec();
  setup(before);
  setup(after);
  change(after);
  return compareDocuments(before, after).map((finding) => `${finding.rule} ${finding.severity} ${finding.subject} @ ${finding.where}`);
}

const schemas = (document: any) => document.components.schemas;
const limit = (document: any) => document.paths['/things'].post.parameters[0].schema;

describe('defaults', () => {
  it('a changed or removed request default breaks clients that leave the value out; an added one does not', () => {
    expect(diff((d) => (limit(d).default = 10))).toEqual([`default-changed breaking \`limit\` @ ${query}`]);
    expect(diff((d) => delete limit(d).default)).toEqual([`default-removed breaking \`limit\` @ ${query}`]);
    expect(
      diff(
        (d) => (limit(d).default = 50),
        (d) => delete limit(d).default
      )
    ).toEqual([`default-added non-breaking \`limit\` @ ${query}`]);
  });
  it('a response default is documentation of what the server sends: non-breaking either way', () => {
    expect(diff((d) => (schemas(d).Thing.properties.size.default = 2))).toEqual([`default-changed non-breaking \`size\` @ ${response}`]);
    expect(diff((d) => delete schemas(d).Thing.properties.size.default)).toEqual([`default-removed non-breaking \`size\` @ ${response}`]);
  });
});

describe('format', () => {
  it('a changed response format breaks what clients parse', () => {
    expect(diff((d) => (schemas(d).Thing.properties.createdAt.format = 'date'))).toEqual([
      `format-changed breaking \`createdAt\` @ ${response}`,
    ]);
  });
  it('int32 → int64 widens: harmless in a request, breaking in a response', () => {
    expect(diff((d) => (schemas(d).NewThing.properties.size.format = 'int64'))).toEqual([
      `format-widened non-breaking \`size\` @ ${requestBody}`,
    ]);
    expect(diff((d) => (schemas(d).Thing.properties.size.format = 'int64'))).toEqual([`format-widened breaking \`size\` @ ${response}`]);
  });
  it('a format added to a request narrows it; removed from a response widens it', () => {
    expect(diff((d) => (schemas(d).NewThing.properties.name.format = 'email'))).toEqual([
      `format-added breaking \`name\` @ ${requestBody}`,
    ]);
    expect(diff((d) => delete schemas(d).Thing.properties.createdAt.format)).toEqual([
      `format-removed breaking \`createdAt\` @ ${response}`,
    ]);
  });
});

describe('pattern', () => {
  it("a pattern where there was '' is a pattern added: breaking in a request", () => {
    expect(diff((d) => (schemas(d).NewThing.properties.name.pattern = '^\\w+$'))).toEqual([
      `pattern-added breaking \`name\` @ ${requestBody}`,
    ]);
  });
  it('removed from a request is harmless; changed in a request breaks; added to a response is harmless', () => {
    const withPattern = (d: any) => (schemas(d).NewThing.properties.name.pattern = '^[a-z]+$');
    expect(diff((d) => delete schemas(d).NewThing.properties.name.pattern, withPattern)).toEqual([
      `pattern-removed non-breaking \`name\` @ ${requestBody}`,
    ]);
    expect(diff((d) => (schemas(d).NewThing.properties.name.pattern = '^[a-z0-9]+$'), withPattern)).toEqual([
      `pattern-changed breaking \`name\` @ ${requestBody}`,
    ]);
    expect(diff((d) => (schemas(d).Thing.properties.name.pattern = '^[a-z]+$'))).toEqual([
      `pattern-added non-breaking \`name\` @ ${response}`,
    ]);
  });
});

describe('x-extensible-enum', () => {
  it('values removed from a request break; values added to a response do not (clients expect new ones)', () => {
    expect(diff((d) => (schemas(d).NewThing.properties.kind['x-extensible-enum'] = ['small']))).toEqual([
      `extensible-enum-values-removed breaking \`kind\` @ ${requestBody}`,
    ]);
    expect(diff((d) => schemas(d).Thing.properties.kind['x-extensible-enum'].push('huge'))).toEqual([
      `extensible-enum-values-added non-breaking \`kind\` @ ${response}`,
    ]);
  });
});

describe('request body', () => {
  const operation = (d: any) => d.paths['/things'].post;
  it('removed breaks; became optional does not; added required breaks, added optional does not', () => {
    expect(diff((d) => delete operation(d).requestBody)).toEqual([`request-body-removed breaking  @ ${post}, request body`]);
    expect(diff((d) => (operation(d).requestBody.required = false))).toEqual([
      `request-body-became-optional non-breaking  @ ${post}, request body`,
    ]);
    const withoutBody = (d: any) => {
      d.removedBody = operation(d).requestBody;
      delete operation(d).requestBody;
    };
    const restore = (d: any) => {
      operation(d).requestBody = d.removedBody;
    };
    expect(diff(restore, withoutBody).filter((line) => line.includes('request body'))).toEqual([
      `request-body-added-required breaking  @ ${post}, request body`,
    ]);
  });
});

describe('readOnly and writeOnly', () => {
  it('a read-only field in a request is not sent: narrowing it or requiring it breaks nobody', () => {
    expect(diff((d) => (schemas(d).NewThing.properties.id.enum = ['a']))).toEqual([
      `property-not-exchanged-changed non-breaking \`id\` @ ${requestBody}`,
    ]);
    expect(diff((d) => schemas(d).NewThing.required.push('id'))).toEqual([
      `equivalent-form-changed non-breaking the body @ ${requestBody}`,
    ]);
    // readOnly next to a $ref counts too: the referenced schema's enum narrowing reaches no request.
    const refWithReadOnly = (d: any) => (schemas(d).NewThing.properties.kind2 = { $ref: '#/components/schemas/Square', readOnly: true });
    expect(diff((d) => (schemas(d).Square.properties.side.enum = [1]), refWithReadOnly).filter((line) => line.includes('kind2'))).toEqual([
      `property-not-exchanged-changed non-breaking \`kind2.side\` @ ${requestBody}`,
    ]);
  });
  it('a write-only field in a response is not received: loosening it breaks nobody; becoming write-only breaks readers', () => {
    expect(diff((d) => (schemas(d).Thing.properties.secret.maxLength = 20))).toEqual([
      `property-not-exchanged-changed non-breaking \`secret\` @ ${response}`,
    ]);
    expect(diff((d) => (schemas(d).Thing.properties.name.writeOnly = true))).toEqual([
      `property-became-write-only breaking \`name\` @ ${response}`,
      `property-became-optional breaking \`name\` @ ${response}`,
    ]);
    expect(diff((d) => (schemas(d).NewThing.properties.name.readOnly = true))).toEqual([
      `property-became-read-only breaking \`name\` @ ${requestBody}`,
      `property-became-optional non-breaking \`name\` @ ${requestBody}`,
    ]);
  });
});

describe('type widening and narrowing', () => {
  it('integer → number widens: harmless for a query parameter, breaking in a response', () => {
    expect(diff((d) => (limit(d).type = 'number'))).toEqual([`type-widened non-breaking \`limit\` @ ${query}`]);
    expect(diff((d) => (schemas(d).Thing.properties.size.type = 'number'))).toEqual([`type-widened breaking \`size\` @ ${response}`]);
  });
  it('number → integer narrows: breaking in a request; string → integer breaks both ways', () => {
    expect(diff((d) => (schemas(d).Circle.properties.radius.type = 'integer')).filter((line) => line.includes('request'))).toEqual([
      `type-narrowed breaking \`shape.radius\` @ ${requestBody}`,
    ]);
    expect(diff((d) => (schemas(d).Thing.properties.name.type = 'integer'))).toEqual([`type-changed breaking \`name\` @ ${response}`]);
  });
});

describe('media types, each compared with itself', () => {
  const content = (d: any) => d.paths['/things'].post.requestBody.content;
  it('a second media type next to the first changes nothing for the first', () => {
    expect(diff((d) => (content(d)['text/plain'] = { schema: { type: 'string' } }))).toEqual([
      `media-type-added non-breaking \`text/plain\` @ ${post}, request body`,
    ]);
  });
  it('a renamed media type is one removed and one added, nothing more', () => {
    const responseContent = (d: any) => d.paths['/things'].post.responses['200'].content;
    expect(
      diff((d) => {
        responseContent(d)['application/problem+json'] = responseContent(d)['application/json'];
        delete responseContent(d)['application/json'];
      })
    ).toEqual([
      `media-type-removed breaking \`application/json\` @ ${post}, response 200`,
      `media-type-added non-breaking \`application/problem+json\` @ ${post}, response 200`,
    ]);
  });
});

describe('oneOf / anyOf, member by member', () => {
  const triangle = { type: 'object', required: ['base'], properties: { base: { type: 'number' } } };
  it('an alternative added widens: harmless in a request, breaking in a response', () => {
    const added = diff((d) => {
      schemas(d).NewThing.properties.shape.oneOf.push(triangle);
      schemas(d).Thing.properties.shape.oneOf.push(triangle);
    });
    expect(added).toEqual([
      `composition-member-added non-breaking \`shape\` @ ${requestBody}`,
      `composition-member-added breaking \`shape\` @ ${response}`,
    ]);
  });
  it('an alternative removed narrows: breaking in a request, harmless in a response', () => {
    const removed = diff((d) => {
      schemas(d).NewThing.properties.shape.oneOf.pop();
      schemas(d).Thing.properties.shape.oneOf.pop();
    });
    expect(removed).toEqual([
      `composition-member-removed breaking \`shape\` @ ${requestBody}`,
      `composition-member-removed non-breaking \`shape\` @ ${response}`,
    ]);
    const wrapped = diff((d) => {
      schemas(d).Thing.properties.shape.anyOf = schemas(d).Thing.properties.shape.oneOf;
      delete schemas(d).Thing.properties.shape.oneOf;
    });
    expect(wrapped).toEqual([
      `composition-changed unclassified \`shape\` @ ${response}`,
      `composition-changed unclassified \`shape\` @ ${response}`,
    ]);
  });
  it('a member edited in place is compared field by field with the direction', () => {
    expect(diff((d) => (schemas(d).Square.properties.side.enum = [1, 2]))).toEqual([
      `enum-narrowed breaking \`shape.side\` @ ${requestBody}`,
      `enum-narrowed non-breaking \`shape.side\` @ ${response}`,
    ]);
  });
});

describe('JSON Schema assertions (const, not, contains, ... mostly OpenAPI 3.1)', () => {
  it('one added narrows (breaking in a request), one removed widens (breaking in a response), one changed breaks both', () => {
    expect(diff((d) => (schemas(d).NewThing.properties.name.const = 'x'))).toEqual([
      `constraint-tightened breaking \`name\` @ ${requestBody}`,
    ]);
    expect(
      diff(
        (d) => delete schemas(d).Thing.properties.name.const,
        (d) => (schemas(d).Thing.properties.name.const = 'x')
      )
    ).toEqual([`constraint-loosened breaking \`name\` @ ${response}`]);
    expect(
      diff(
        (d) => (schemas(d).Thing.properties.name.const = 'y'),
        (d) => (schemas(d).Thing.properties.name.const = 'x')
      )
    ).toEqual([`constraint-changed breaking \`name\` @ ${response}`]);
  });
});
