import { Readable } from 'node:stream';
import { historyNote, inChunks, type ExportHead, type MappingRow, type StandardRow } from './standard-rows';

/** The maintenance agency of the codelists (`SDMX_AGENCY`): the ministry of justice by default. */
export const sdmxAgency = (): string => process.env.SDMX_AGENCY ?? 'FR1_MJ';

export interface SdmxSource {
  head: ExportHead;
  rows: AsyncIterable<StandardRow>;
  mappings: AsyncIterable<MappingRow>;
  prepared: Date;
}

/** SDMX identifiers allow letters, digits, `_`, `@`, `$` and `-`; anything else becomes `_`. */
export const sdmxId = (value: string): string => value.replace(/[^A-Za-z0-9_@$-]/g, '_');
const codelistId = (referential: string) => `CL_${sdmxId(referential)}`;
/** Releases are numbered; SDMX 3.0 versions are semantic: release 4 is 4.0.0. */
const versionOf = (release: number) => `${release}.0.0`;
const urn = (agency: string, referential: string, release: number) =>
  `urn:sdmx:org.sdmx.infomodel.codelist.Codelist=${agency}:${codelistId(referential)}(${versionOf(release)})`;

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Annotation {
  type: string;
  title?: string;
  text?: string;
}

/** Validity, level, history, attributes and replacements of a code, as SDMX annotations (codes carry no validity of their own). */
function annotationsOf(row: StandardRow, head: ExportHead, replacedBy: string[] = []): Annotation[] {
  return [
    ...(row.valid_from ? [{ type: 'VALID_FROM', title: row.valid_from }] : []),
    ...(row.valid_to ? [{ type: 'VALID_TO', title: row.valid_to }] : []),
    ...(head.levels[row.level - 1] ? [{ type: 'LEVEL', title: String(row.level), text: head.levels[row.level - 1] }] : []),
    { type: 'HISTORY', text: historyNote(row) },
    ...Object.entries(row.attributes ?? {}).map(([name, value]) => ({ type: `ATTRIBUTE`, title: name, text: String(value) })),
    ...replacedBy.map((target) => ({ type: 'REPLACED_BY', title: target })),
  ];
}

/** Replacements within the same list, by source code: small (a few per release), so read ahead of the codes. */
async function replacementsOf(mappings: AsyncIterable<MappingRow>, referential: string): Promise<Map<string, string[]>> {
  const byCode = new Map<string, string[]>();
  for await (const m of mappings) {
    const target = m.to_referential === referential ? m.to_code : `${m.to_referential}:${m.to_code}`;
    byCode.set(m.from_code, [...(byCode.get(m.from_code) ?? []), `${m.kind === 'REPLACED_BY' ? '' : `${m.kind} `}${target}`]);
  }
  return byCode;
}

/** A release as an SDMX-ML 3.0 structure message holding one codelist, streamed code by code. */
export function sdmxMl({ head, rows, mappings, prepared }: SdmxSource): Readable {
  const agency = sdmxAgency();
  return Readable.from(
    inChunks(
      (async function* () {
        const replaced = await replacementsOf(mappings, head.code);
        yield `<?xml version="1.0" encoding="UTF-8"?>
<mes:Structure xmlns:mes="http://www.sdmx.org/resources/sdmxml/schemas/v3_0/message" xmlns:str="http://www.sdmx.org/resources/sdmxml/schemas/v3_0/structure" xmlns:com="http://www.sdmx.org/resources/sdmxml/schemas/v3_0/common" xmlns:xml="http://www.w3.org/XML/1998/namespace">
  <mes:Header>
    <mes:ID>${xml(sdmxId(`${head.code}_${head.release}`))}</mes:ID>
    <mes:Test>false</mes:Test>
    <mes:Prepared>${prepared.toISOString()}</mes:Prepared>
    <mes:Sender id="${xml(agency)}"/>
  </mes:Header>
  <mes:Structures>
    <str:Codelists>
      <str:Codelist id="${codelistId(head.code)}" urn="${xml(urn(agency, head.code, head.release))}" agencyID="${xml(agency)}" version="${versionOf(head.release)}" isExternalReference="false"${head.effectiveOn ? ` validFrom="${head.effectiveOn}T00:00:00"` : ''}>
        <com:Name xml:lang="fr">${xml(head.name)}</com:Name>
${head.description ? `        <com:Description xml:lang="fr">${xml(head.description)}</com:Description>\n` : ''}`;
        for await (const row of rows) {
          const annotations = annotationsOf(row, head, replaced.get(row.code));
          yield `        <str:Code id="${xml(sdmxId(row.code))}">
          <com:Annotations>
${annotations.map((a) => `            <com:Annotation>${a.title ? `<com:AnnotationTitle>${xml(a.title)}</com:AnnotationTitle>` : ''}<com:AnnotationType>${a.type}</com:AnnotationType>${a.text ? `<com:AnnotationText xml:lang="${a.type === 'HISTORY' ? 'en' : 'fr'}">${xml(a.text)}</com:AnnotationText>` : ''}</com:Annotation>`).join('\n')}
          </com:Annotations>
          <com:Name xml:lang="fr">${xml(row.label)}</com:Name>
${row.parent_code ? `          <str:Parent>${xml(sdmxId(row.parent_code))}</str:Parent>\n` : ''}        </str:Code>
`;
        }
        yield `      </str:Codelist>
    </str:Codelists>
  </mes:Structures>
</mes:Structure>
`;
      })(),
    ),
  );
}

/** The same codelist as an SDMX-JSON 2.0 structure message. */
export function sdmxJson({ head, rows, mappings, prepared }: SdmxSource): Readable {
  const agency = sdmxAgency();
  return Readable.from(
    inChunks(
      (async function* () {
        const replaced = await replacementsOf(mappings, head.code);
        const meta = {
          schema: 'https://raw.githubusercontent.com/sdmx-twg/sdmx-json/master/structure-message/tools/schemas/2.0.0/sdmx-json-structure-schema.json',
          id: sdmxId(`${head.code}_${head.release}`),
          test: false,
          prepared: prepared.toISOString(),
          contentLanguages: ['fr'],
          sender: { id: agency },
        };
        const codelist = {
          id: codelistId(head.code),
          urn: urn(agency, head.code, head.release),
          agencyID: agency,
          version: versionOf(head.release),
          isExternalReference: false,
          ...(head.effectiveOn ? { validFrom: `${head.effectiveOn}T00:00:00Z` } : {}),
          name: head.name,
          names: { fr: head.name },
          ...(head.description ? { description: head.description, descriptions: { fr: head.description } } : {}),
        };
        const opening = JSON.stringify({ meta, data: { codelists: [{ ...codelist, codes: [] }] } });
        // Everything up to the codes' `[`, then the codes one by one, then the closing brackets.
        yield opening.slice(0, opening.lastIndexOf('[]') + 1);
        let first = true;
        for await (const row of rows) {
          const annotations = annotationsOf(row, head, replaced.get(row.code)).map((a) => ({
            type: a.type,
            ...(a.title ? { title: a.title } : {}),
            ...(a.text ? { text: a.text, texts: { [a.type === 'HISTORY' ? 'en' : 'fr']: a.text } } : {}),
          }));
          yield `${first ? '' : ','}\n${JSON.stringify({ id: sdmxId(row.code), name: row.label, names: { fr: row.label }, ...(row.parent_code ? { parent: sdmxId(row.parent_code) } : {}), annotations })}`;
          first = false;
        }
        yield `\n]}]}}\n`;
      })(),
    ),
  );
}
