/** The plain HTTP API, described for consumers and code generators (OpenAPI 3.1, JSON Schema 2020-12 schemas). */
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Errors' } } } });

const linked = {
  type: 'object',
  required: ['referential', 'code', 'label'],
  properties: { referential: { type: 'string' }, code: { type: 'string' }, label: { type: ['string', 'null'] } },
};

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Référentiel Justice: plain HTTP API',
    version: '1.0.0',
    description:
      'Entries of the published referentials and their exports, for consumers without a GraphQL client. Reads are anonymous where the platform allows anonymous reads; otherwise send `Authorization: Bearer <token or API key>`. Errors have the GraphQL form: `{ "errors": [{ "message", "extensions": { "code", "reason", "field" } }] }`.',
    license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
  },
  servers: [{ url: '/' }],
  security: [{}, { bearer: [] }, { apiKey: [] }],
  paths: {
    '/api/referentials/{code}/entries/{entry}': {
      get: {
        operationId: 'getEntry',
        summary: 'An entry in force on a day, or its whole history, with its predecessors and successors',
        parameters: [
          { name: 'code', in: 'path', required: true, description: 'The referential, e.g. NAC, NATINF.', schema: { type: 'string', maxLength: 32 } },
          { name: 'entry', in: 'path', required: true, description: 'The entry code, e.g. 20E.', schema: { type: 'string', maxLength: 64 } },
          {
            name: 'date',
            in: 'query',
            required: false,
            description: 'A day (YYYY-MM-DD, default today) or `*` for every version.',
            schema: { anyOf: [{ type: 'string', format: 'date' }, { const: '*' }] },
          },
          {
            name: 'If-None-Match',
            in: 'header',
            required: false,
            description: 'The ETag of an answer already held: 304 while it is unchanged.',
            schema: { type: 'string' },
          },
        ],
        responses: {
          200: {
            description: 'The entry (`entry` for a day, `versions` for `*`).',
            headers: { ETag: { description: 'Revalidate with If-None-Match.', schema: { type: 'string' } } },
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/EntryAnswer' },
                example: {
                  referential: 'NAC',
                  code: '20E',
                  date: '2026-11-28',
                  release: 2,
                  entry: {
                    code: '20E',
                    label: 'Demande en divorce',
                    parentCode: '20',
                    level: 3,
                    attributes: {},
                    validFrom: null,
                    validTo: null,
                    recordedIn: 1,
                    supersededIn: null,
                  },
                  predecessors: [],
                  successors: [{ referential: 'NAC', code: '20F', label: 'Divorce (nouvelle procédure)' }],
                },
              },
            },
          },
          304: { description: 'Not modified since the ETag sent.' },
          400: errorResponse('A malformed `date` (BAD_USER_INPUT, field `date`).'),
          401: errorResponse('Credentials missing or refused (UNAUTHENTICATED).'),
          404: errorResponse('No such referential, published release, or entry on that day (NOT_FOUND).'),
        },
      },
    },
    '/exports/{code}': {
      get: {
        operationId: 'exportReferential',
        summary: 'A published release as a file: CSV, JSON, SKOS (Turtle or JSON-LD) with XKOS, or SDMX (SDMX-ML 3.0 or SDMX-JSON)',
        parameters: [
          { name: 'code', in: 'path', required: true, schema: { type: 'string', maxLength: 32 } },
          {
            name: 'format',
            in: 'query',
            required: false,
            description: '`skos` picks Turtle or JSON-LD by the Accept header (Turtle by default); `sdmx` SDMX-ML or SDMX-JSON likewise (SDMX-ML by default).',
            schema: { enum: ['csv', 'json', 'skos', 'skos-turtle', 'skos-jsonld', 'sdmx', 'sdmx-ml', 'sdmx-json'] },
          },
          { name: 'release', in: 'query', required: false, schema: { type: 'integer', minimum: 1 } },
          { name: 'at', in: 'query', required: false, description: 'Only the entries in force that day.', schema: { type: 'string', format: 'date' } },
        ],
        responses: {
          200: {
            description: 'The file, streamed.',
            content: {
              'text/csv': { schema: { type: 'string' } },
              'application/json': { schema: { type: 'array', items: { type: 'object' } } },
              'text/turtle': { schema: { type: 'string' } },
              'application/ld+json': { schema: { type: 'object' } },
              'application/vnd.sdmx.structure+xml;version=3.0.0': { schema: { type: 'string' } },
              'application/vnd.sdmx.structure+json;version=2.0.0': { schema: { type: 'object' } },
            },
          },
          400: errorResponse('An unknown format, or a malformed release or day.'),
          401: errorResponse('Credentials missing or refused.'),
          404: errorResponse('No such referential or published release.'),
        },
      },
    },
  },
  components: {
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer', description: 'An OIDC access token, or an API key `rj_<prefix>_<secret>`.' },
      apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
    },
    schemas: {
      EntryVersion: {
        type: 'object',
        required: ['code', 'label', 'parentCode', 'level', 'attributes', 'validFrom', 'validTo', 'recordedIn', 'supersededIn'],
        properties: {
          code: { type: 'string' },
          label: { type: 'string' },
          parentCode: { type: ['string', 'null'] },
          level: { type: 'integer', minimum: 1 },
          attributes: { type: 'object' },
          validFrom: { type: ['string', 'null'], format: 'date' },
          validTo: { type: ['string', 'null'], format: 'date' },
          recordedIn: { type: 'integer', description: 'The release this version was recorded in.' },
          supersededIn: { type: ['integer', 'null'], description: 'The release that replaced it, if any.' },
        },
      },
      LinkedEntry: linked,
      EntryAnswer: {
        type: 'object',
        required: ['referential', 'code', 'date', 'release', 'predecessors', 'successors'],
        properties: {
          referential: { type: 'string' },
          code: { type: 'string' },
          date: { type: 'string', description: 'The day asked, or `*`.' },
          release: { type: 'integer', description: 'The latest published release read.' },
          entry: { $ref: '#/components/schemas/EntryVersion' },
          versions: { type: 'array', items: { $ref: '#/components/schemas/EntryVersion' } },
          predecessors: { type: 'array', items: { $ref: '#/components/schemas/LinkedEntry' }, description: 'Entries REPLACED_BY this one.' },
          successors: { type: 'array', items: { $ref: '#/components/schemas/LinkedEntry' }, description: 'What this entry is REPLACED_BY.' },
        },
      },
      Errors: {
        type: 'object',
        required: ['errors'],
        properties: {
          errors: {
            type: 'array',
            items: {
              type: 'object',
              required: ['message', 'extensions'],
              properties: {
                message: { type: 'string' },
                extensions: {
                  type: 'object',
                  required: ['code'],
                  properties: { code: { type: 'string' }, reason: { type: 'string' }, field: { type: 'string' } },
                },
              },
            },
          },
        },
      },
    },
  },
} as const;
