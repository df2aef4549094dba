// Small hand-made OpenAPI documents for the field-level checks' tests.

/** A small API: a filtered, paged list of items under a task, and an endpoint that creates one. */
export function baseSpec(): any {
  return {
    openapi: '3.0.3',
    info: { title: 'Items', version: '1.0.0' },
    servers: [{ url: 'https://api.example.invalid' }],
    security: [{ key: [] }],
    paths: {
      '/tasks/{taskId}/items': {
        parameters: [{ name: 'taskId', in: 'path', required: true, schema: { type: 'string' } }],
        get: {
          operationId: 'listItems',
          summary: 'List items',
          parameters: [
            { name: 'status', in: 'query', schema: { $ref: '#/components/schemas/Status' } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
          ],
          responses: {
            '200': {
              description: 'A page',
              content: {
                'application/json': {
                  schema: { $ref: '#/components/schemas/Page' },
                  examples: { First: { $ref: '#/components/examples/First' } },
                },
              },
            },
          },
        },
        post: {
          operationId: 'createItem',
          security: [{ key: [], token: [] }],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/NewItem' } } },
          },
          responses: { '201': { description: 'Created' } },
        },
      },
    },
    components: {
      securitySchemes: {
        key: { type: 'apiKey', in: 'header', name: 'app_key' },
        token: { type: 'http', scheme: 'bearer' },
      },
      schemas: {
        Status: { type: 'string', enum: ['open', 'done'] },
        Page: {
          type: 'object',
          required: ['items', 'total'],
          properties: {
            items: { type: 'array', items: { $ref: '#/components/schemas/Item' } },
            total: { type: 'integer' },
          },
        },
        Item: {
          type: 'object',
          required: ['id', 'status'],
          properties: {
            id: { type: 'string' },
            status: { $ref: '#/components/schemas/Status' },
            note: { type: 'string', description: 'Free text.' },
            parent: { $ref: '#/components/schemas/Item' },
          },
        },
        NewItem: {
          type: 'object',
          required: ['name'],
          properties: { name: { type: 'string', maxLength: 64 }, status: { $ref: '#/components/schemas/Status' } },
        },
      },
      examples: { First: { value: { items: [], total: 0 } } },
    },
  };
}

/** One operation with a query parameter, a JSON request body and a JSON response: the rules' fixture. */
export function thingsSpec(): any {
  return {
    openapi: '3.0.3',
    info: { title: 'Things', version: '1.0.0' },
    paths: {
      '/things': {
        post: {
          operationId: 'createThing',
          parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer', default: 50 } }, { $ref: '#/components/parameters/Trace' }],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/NewThing' } } },
          },
          responses: {
            '200': {
              description: 'The thing',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
            },
          },
        },
      },
    },
    components: {
      parameters: { Trace: { name: 'X-Trace', in: 'header', schema: { type: 'string' } } },
      schemas: {
        NewThing: {
          type: 'object',
          required: ['name'],
          properties: {
            name: { type: 'string', pattern: '' },
            size: { type: 'integer', format: 'int32' },
            kind: { type: 'string', 'x-extensible-enum': ['small', 'large'] },
            id: { type: 'string', readOnly: true, enum: ['a', 'b'] },
            shape: { oneOf: [{ $ref: '#/components/schemas/Circle' }, { $ref: '#/components/schemas/Square' }] },
          },
        },
        Thing: {
          type: 'object',
          required: ['name', 'createdAt'],
          properties: {
            name: { type: 'string' },
            size: { type: 'integer', format: 'int32', default: 1 },
            kind: { type: 'string', 'x-extensible-enum': ['small', 'large'] },
            createdAt: { type: 'string', format: 'date-time' },
            secret: { type: 'string', writeOnly: true, maxLength: 10 },
            shape: { oneOf: [{ $ref: '#/components/schemas/Circle' }, { $ref: '#/components/schemas/Square' }] },
          },
        },
        Circle: { type: 'object', required: ['radius'], properties: { radius: { type: 'number' } } },
        Square: { type: 'object', required: ['side'], properties: { side: { type: 'number', enum: [1, 2, 3] } } },
      },
    },
  };
}
