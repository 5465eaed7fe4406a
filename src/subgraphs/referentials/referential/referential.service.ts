import type { EntityManager } from '@mikro-orm/postgresql';
import { invalid, ReferentialsException, ReferentialsExceptionCode as Code } from '../referentials.exception';
import { AttributeType } from './attribute-definition.type';
import type { CreateReferentialInput } from './create-referential.input';
import { Referential } from './referential.entity';

const REFERENTIAL_CODE = /^[A-Z][A-Z0-9_]{1,31}$/;
const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

export class ReferentialService {
  constructor(private readonly em: EntityManager) {}

  create(input: CreateReferentialInput): Promise<Referential> {
    return this.em.transactional(async (em) => {
      if (!REFERENTIAL_CODE.test(input.code)) throw invalid(`"${input.code}" is not a referential code (A-Z, 0-9, _; 2 to 32)`, 'input.code');
      if (!input.name.trim()) throw invalid('name is empty', 'input.name');
      if (!input.ownerBureau.trim()) throw invalid('ownerBureau is empty', 'input.ownerBureau');
      const attributes = input.attributes ?? [];
      attributes.forEach((a, i) => {
        if (!ATTRIBUTE_NAME.test(a.name)) throw invalid(`"${a.name}" is not an attribute name`, `input.attributes.${i}.name`);
        if (a.type === AttributeType.ENUM && !a.values?.length && !a.vocabulary)
          throw invalid(`ENUM attribute "${a.name}" needs its values or a vocabulary`, `input.attributes.${i}.values`);
        if (a.vocabulary && a.type !== AttributeType.ENUM) throw invalid(`only an ENUM attribute draws on a vocabulary`, `input.attributes.${i}.vocabulary`);
      });
      if (new Set(attributes.map((a) => a.name)).size !== attributes.length) throw invalid('attribute names must be unique', 'input.attributes');
      if (await em.findOne(Referential, input.code))
        throw new ReferentialsException(`referential ${input.code} already exists`, Code.REFERENTIAL_ALREADY_EXISTS, 'input.code');
      const referential = em.create(Referential, {
        code: input.code,
        name: input.name.trim(),
        domain: input.domain,
        description: input.description ?? null,
        ownerBureau: input.ownerBureau.trim(),
        levels: input.levels ?? [],
        attributeDefinitions: attributes.map((a) => ({
          ...a,
          required: a.required ?? false,
          values: a.values ?? null,
          vocabulary: a.vocabulary ?? null,
          description: a.description ?? null,
        })),
      });
      await em.flush();
      return referential;
    });
  }
}
