import { link } from '../../router';
import { namedType } from './type-search';

/** A field's type with its named type as a link to that type's page, wrappers ([ ] !) kept around it. */
export function TypeRef({ type, known }: { type: string; known: Set<string> }) {
  const name = namedType(type);
  if (!known.has(name)) return <code className="field-type">{type}</code>;
  const [before, after] = type.split(name);
  return <code className="field-type">{before}<a {...link(`schema/${name}`)}>{name}</a>{after}</code>;
}
