import type { EntityManager } from '@mikro-orm/postgresql';
import { ChangeType } from '../../../kernel/outbox/change-type.enum';
import { CHANGE_DOMAINS } from '../../../kernel/outbox/record-changes';
import { recordEntityChange } from '../../../kernel/outbox/record-entity-change';
import { exchangeNotFound, ExchangeService } from '../exchange/exchange.service';
import { ExchangesException, ExchangesExceptionCode } from '../exchanges.exception';
import { checkText } from '../exchanges.validation';
import { compileJsonSchema, validateWith } from './json-schema-validator';
import { SchemaLanguage, SchemaStatus } from './schema-enums';
import { SchemaVersion } from './schema-version.entity';
import { schemaDocument, schemaVersionsOf, type SchemaVersionRow } from './schema-version.repository';
import type { AddSchemaVersionInput, MessageValidation } from './schema-version.types';

/** A `<schema` or `<xs:schema` tag; the namespace is then looked for with indexOf (`[\s\S]*` backtracked per tag: quadratic). */
const XSD_SCHEMA_TAG = /<(?:[A-Za-z_][\w.-]*:)?schema[\s>]/;
const XSD_NAMESPACE = 'http://www.w3.org/2001/XMLSchema';

export class SchemaVersionService {
  constructor(
    private readonly em: EntityManager,
    private readonly exchanges = new ExchangeService(em),
  ) {}

  /** An exchange's schema versions as plain rows, by version, batched over every exchange of the request. */
  ofExchange(exchangeCode: string): Promise<SchemaVersionRow[]> {
    return schemaVersionsOf(this.em, exchangeCode);
  }

  add(input: AddSchemaVersionInput): Promise<SchemaVersion> {
    const version = checkText(input.version, 'input.version', 32);
    checkDocument(input.language, input.content);
    return this.em.transactional(async (tx) => {
      const exchange = await new ExchangeService(tx).get(input.exchangeCode, 'input.exchangeCode');
      if (await tx.count(SchemaVersion, { exchange, version })) {
        throw new ExchangesException(
          `exchange ${exchange.code} already has schema version ${version}`,
          ExchangesExceptionCode.SCHEMA_VERSION_EXISTS,
          'input.version',
        );
      }
      return recordEntityChange(
        tx,
        ChangeType.ADDED,
        CHANGE_DOMAINS.exchanges,
        tx.create(SchemaVersion, {
          exchange,
          version,
          language: input.language,
          status: input.status ?? SchemaStatus.DRAFT,
          content: input.content,
          publishedOn: input.publishedOn ?? null,
        }),
      );
    });
  }

  setStatus(exchangeCode: string, version: string, status: SchemaStatus): Promise<SchemaVersion> {
    return this.em.transactional(async (tx) => {
      const schema = await new SchemaVersionService(tx).find(exchangeCode, version);
      schema.status = status;
      return recordEntityChange(tx, ChangeType.CHANGED, CHANGE_DOMAINS.exchanges, schema);
    });
  }

  private async find(exchangeCode: string, version: string): Promise<SchemaVersion> {
    const exchange = await this.exchanges.get(exchangeCode, 'exchange');
    const schema = await this.em.findOne(SchemaVersion, { exchange, version });
    if (!schema) throw versionNotFound(exchangeCode, version);
    return schema;
  }

  async validateMessage(exchangeCode: string, version: string, payload: unknown): Promise<MessageValidation> {
    // A read: the document as a row, in one statement, not the exchange and version entities.
    const schema = await schemaDocument(this.em, exchangeCode, version);
    if (schema === undefined) throw exchangeNotFound(exchangeCode, 'exchange');
    if (schema === null) throw versionNotFound(exchangeCode, version);
    if (schema.language !== SchemaLanguage.JSON_SCHEMA) {
      throw new ExchangesException(
        `schema version ${version} of ${exchangeCode} is ${schema.language}: only JSON Schema versions validate messages`,
        ExchangesExceptionCode.NOT_JSON_SCHEMA,
        'version',
      );
    }
    let validate: ReturnType<typeof compileJsonSchema>;
    try {
      validate = compileJsonSchema(schema.content);
    } catch (error) {
      // Stored before patterns ran on RE2: a pattern RE2 cannot run makes the version unusable, not the server fail.
      throw new ExchangesException(
        `schema version ${version} of ${exchangeCode} cannot be used: ${(error as Error).message}`,
        ExchangesExceptionCode.INVALID_SCHEMA,
        'version',
      );
    }
    const errors = validateWith(validate, payload);
    return { valid: errors.length === 0, errors };
  }
}

const versionNotFound = (exchangeCode: string, version: string): ExchangesException =>
  new ExchangesException(`exchange ${exchangeCode} has no schema version ${version}`, ExchangesExceptionCode.SCHEMA_VERSION_NOT_FOUND, 'version');

/** Linear: one regex scan for the first schema tag, then one indexOf for the namespace after it. */
function isXmlSchema(content: string): boolean {
  const tag = XSD_SCHEMA_TAG.exec(content);
  return tag !== null && content.includes(XSD_NAMESPACE, tag.index);
}

/** A JSON Schema must compile; an XSD is only checked to be an XML Schema document (no XSD engine in Node). */
function checkDocument(language: SchemaLanguage, content: string): void {
  try {
    if (language === SchemaLanguage.JSON_SCHEMA) compileJsonSchema(content);
    else if (!isXmlSchema(content)) throw new Error('no <schema> element in the XML Schema namespace');
  } catch (error) {
    throw new ExchangesException(
      `content is not a valid ${language} document: ${(error as Error).message}`,
      ExchangesExceptionCode.INVALID_SCHEMA,
      'input.content',
    );
  }
}
