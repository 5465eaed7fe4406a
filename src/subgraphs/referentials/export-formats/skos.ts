import { Readable } from 'node:stream';
import { historyNote, inChunks, type ExportHead, type MappingRow, type StandardRow } from './standard-rows';

/** Where the concepts' IRIs live (`RDF_BASE_URI`): stable identifiers, independent of the server answering. */
export const rdfBase = (): string => (process.env.RDF_BASE_URI ?? 'https://referentiels.justice.gouv.fr/id/').replace(/\/?$/, '/');

const PREFIXES = {
  skos: 'http://www.w3.org/2004/02/skos/core#',
  xkos: 'http://rdf-vocabulary.ddialliance.org/xkos#',
  dct: 'http://purl.org/dc/terms/',
  owl: 'http://www.w3.org/2002/07/owl#',
  schema: 'http://schema.org/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

/** Mapping kinds as SKOS mapping properties (a replacement is `dct:isReplacedBy`). */
const MAPPING_PROPERTY: Record<string, string> = {
  REPLACED_BY: 'dct:isReplacedBy',
  EQUIVALENT: 'skos:exactMatch',
  BROADER: 'skos:broadMatch',
  NARROWER: 'skos:narrowMatch',
};

export interface SkosSource {
  head: ExportHead;
  rows: AsyncIterable<StandardRow>;
  mappings: AsyncIterable<MappingRow>;
}

export const iris = (base: string, referential: string) => ({
  scheme: `${base}${encodeURIComponent(referential)}`,
  concept: (code: string, of = referential) => `${base}${encodeURIComponent(of)}/${encodeURIComponent(code)}`,
  level: (depth: number) => `${base}${encodeURIComponent(referential)}/level/${depth}`,
  correspondence: (target: string) => `${base}${encodeURIComponent(referential)}/correspondence/${encodeURIComponent(target)}`,
  association: (id: number) => `${base}${encodeURIComponent(referential)}/association/${id}`,
});

// JSON string escapes (\" \\ \n \r \t \b \f \uXXXX) are all valid Turtle ECHAR/UCHAR.
const literal = (text: string, lang?: string) => `${JSON.stringify(text)}${lang ? `@${lang}` : ''}`;
const date = (day: string) => `${JSON.stringify(day)}^^xsd:date`;
const iri = (value: string) => `<${value}>`;

/** A release as a SKOS concept scheme in Turtle, with XKOS levels and correspondences; written as it is read. */
export function skosTurtle({ head, rows, mappings }: SkosSource): Readable {
  const id = iris(rdfBase(), head.code);
  return Readable.from(
    inChunks(
      (async function* () {
        yield (
          Object.entries(PREFIXES)
            .map(([p, uri]) => `@prefix ${p}: <${uri}> .`)
            .join('\n') + '\n\n'
        );
        const levelIris = head.levels.map((_l, i) => iri(id.level(i + 1)));
        yield (
          `${iri(id.scheme)} a skos:ConceptScheme ;\n  skos:notation ${literal(head.code)} ;\n  skos:prefLabel ${literal(head.name, 'fr')} ;\n` +
          (head.description ? `  dct:description ${literal(head.description, 'fr')} ;\n` : '') +
          `  dct:publisher ${literal(head.ownerBureau, 'fr')} ;\n  owl:versionInfo ${literal(String(head.release))} ;\n` +
          (head.publishedAt ? `  dct:issued ${JSON.stringify(head.publishedAt)}^^xsd:dateTime ;\n` : '') +
          (head.effectiveOn ? `  schema:validFrom ${date(head.effectiveOn)} ;\n` : '') +
          (levelIris.length ? `  xkos:numberOfLevels ${levelIris.length} ;\n  xkos:levels ( ${levelIris.join(' ')} ) ;\n` : '') +
          `  dct:hasVersion ${literal(`release ${head.release}`)} .\n\n`
        );
        for (const [i, name] of head.levels.entries()) {
          yield `${levelIris[i]} a xkos:ClassificationLevel ;\n  skos:prefLabel ${literal(name, 'fr')} ;\n  xkos:depth ${i + 1} ;\n  skos:inScheme ${iri(id.scheme)} .\n\n`;
        }
        for await (const row of rows) {
          const concept = iri(id.concept(row.code));
          const lines = [
            `${concept} a skos:Concept`,
            `skos:notation ${literal(row.code)}`,
            `skos:prefLabel ${literal(row.label, 'fr')}`,
            `skos:inScheme ${iri(id.scheme)}`,
            row.parent_code ? `skos:broader ${iri(id.concept(row.parent_code))}` : `skos:topConceptOf ${iri(id.scheme)}`,
            ...(row.valid_from ? [`schema:validFrom ${date(row.valid_from)}`] : []),
            ...(row.valid_to ? [`schema:validUntil ${date(row.valid_to)}`] : []),
            ...Object.entries(row.attributes ?? {}).map(([name, value]) => `skos:note ${literal(`${name}: ${String(value)}`, 'fr')}`),
            `skos:historyNote ${literal(historyNote(row), 'en')}`,
          ];
          yield `${lines.join(' ;\n  ')} .\n`;
          if (row.parent_code) yield `${iri(id.concept(row.parent_code))} skos:narrower ${concept} .\n`;
          if (head.levels[row.level - 1]) yield `${levelIris[row.level - 1]} skos:member ${concept} .\n`;
          yield '\n';
        }
        const seen = new Set<string>();
        for await (const mapping of mappings) {
          const correspondence = iri(id.correspondence(mapping.to_referential));
          if (!seen.has(mapping.to_referential)) {
            seen.add(mapping.to_referential);
            yield `${correspondence} a xkos:Correspondence ;\n  skos:prefLabel ${literal(`${head.code} → ${mapping.to_referential}`, 'fr')} ;\n  xkos:compares ${iri(id.scheme)}, ${iri(iris(rdfBase(), mapping.to_referential).scheme)} .\n`;
          }
          const source = iri(id.concept(mapping.from_code));
          const target = iri(id.concept(mapping.to_code, mapping.to_referential));
          yield (
            `${correspondence} xkos:madeOf ${iri(id.association(mapping.id))} .\n` +
            `${iri(id.association(mapping.id))} a xkos:ConceptAssociation ;\n  xkos:sourceConcept ${source} ;\n  xkos:targetConcept ${target} ;\n  skos:note ${literal(mapping.kind)} .\n` +
            `${source} ${MAPPING_PROPERTY[mapping.kind] ?? 'skos:relatedMatch'} ${target} .\n\n`
          );
        }
      })(),
    ),
  );
}

const CONTEXT = { ...PREFIXES, 'xkos:levels': { '@container': '@list', '@type': '@id' } };
const ref = (value: string) => ({ '@id': value });
const lang = (value: string, language = 'fr') => ({ '@value': value, '@language': language });
const typedDate = (value: string) => ({ '@value': value, '@type': 'xsd:date' });

/** The same graph as JSON-LD (`@graph` written node by node). */
export function skosJsonLd({ head, rows, mappings }: SkosSource): Readable {
  const id = iris(rdfBase(), head.code);
  return Readable.from(
    inChunks(
      (async function* () {
        const scheme = {
          '@id': id.scheme,
          '@type': 'skos:ConceptScheme',
          'skos:notation': head.code,
          'skos:prefLabel': lang(head.name),
          ...(head.description ? { 'dct:description': lang(head.description) } : {}),
          'dct:publisher': lang(head.ownerBureau),
          'owl:versionInfo': String(head.release),
          'dct:hasVersion': `release ${head.release}`,
          ...(head.publishedAt ? { 'dct:issued': { '@value': head.publishedAt, '@type': 'xsd:dateTime' } } : {}),
          ...(head.effectiveOn ? { 'schema:validFrom': typedDate(head.effectiveOn) } : {}),
          ...(head.levels.length ? { 'xkos:numberOfLevels': head.levels.length, 'xkos:levels': head.levels.map((_l, i) => id.level(i + 1)) } : {}),
        };
        yield `{"@context":${JSON.stringify(CONTEXT)},\n"@graph":[\n${JSON.stringify(scheme)}`;
        for (const [i, name] of head.levels.entries()) {
          yield `,\n${JSON.stringify({ '@id': id.level(i + 1), '@type': 'xkos:ClassificationLevel', 'skos:prefLabel': lang(name), 'xkos:depth': i + 1, 'skos:inScheme': ref(id.scheme) })}`;
        }
        for await (const row of rows) {
          const level = head.levels[row.level - 1] ? id.level(row.level) : null;
          yield `,\n${JSON.stringify({
            '@id': id.concept(row.code),
            '@type': 'skos:Concept',
            'skos:notation': row.code,
            'skos:prefLabel': lang(row.label),
            'skos:inScheme': ref(id.scheme),
            ...(row.parent_code ? { 'skos:broader': ref(id.concept(row.parent_code)) } : { 'skos:topConceptOf': ref(id.scheme) }),
            ...(row.valid_from ? { 'schema:validFrom': typedDate(row.valid_from) } : {}),
            ...(row.valid_to ? { 'schema:validUntil': typedDate(row.valid_to) } : {}),
            ...(Object.keys(row.attributes ?? {}).length
              ? { 'skos:note': Object.entries(row.attributes).map(([name, value]) => lang(`${name}: ${String(value)}`)) }
              : {}),
            'skos:historyNote': lang(historyNote(row), 'en'),
            '@reverse': { ...(row.parent_code ? { 'skos:narrower': ref(id.concept(row.parent_code)) } : {}), ...(level ? { 'skos:member': ref(level) } : {}) },
          })}`;
        }
        const seen = new Set<string>();
        for await (const mapping of mappings) {
          const correspondence = id.correspondence(mapping.to_referential);
          if (!seen.has(mapping.to_referential)) {
            seen.add(mapping.to_referential);
            yield `,\n${JSON.stringify({ '@id': correspondence, '@type': 'xkos:Correspondence', 'skos:prefLabel': lang(`${head.code} → ${mapping.to_referential}`), 'xkos:compares': [ref(id.scheme), ref(iris(rdfBase(), mapping.to_referential).scheme)] })}`;
          }
          const target = id.concept(mapping.to_code, mapping.to_referential);
          yield `,\n${JSON.stringify({
            '@id': id.association(mapping.id),
            '@type': 'xkos:ConceptAssociation',
            'xkos:sourceConcept': ref(id.concept(mapping.from_code)),
            'xkos:targetConcept': ref(target),
            'skos:note': mapping.kind,
            '@reverse': { 'xkos:madeOf': ref(correspondence) },
          })}`;
          yield `,\n${JSON.stringify({ '@id': id.concept(mapping.from_code), [MAPPING_PROPERTY[mapping.kind] ?? 'skos:relatedMatch']: ref(target) })}`;
        }
        yield '\n]}\n';
      })(),
    ),
  );
}
