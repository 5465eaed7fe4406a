import type { GraphQLResolveInfo } from 'graphql';
import { selectedFields } from '../../../kernel/graphql/selected-fields';
import type { PageExtras } from './entry.repository';

/** What a page of entries reads in its own statement: the relations and the count its query selects. */
export function pageExtras(info: GraphQLResolveInfo): PageExtras {
  const node = selectedFields(info, ['edges', 'node']);
  const legalReferences = node.has('legalReferences') ? selectedFields(info, ['edges', 'node', 'legalReferences']) : undefined;
  const parent = node.has('parent') ? selectedFields(info, ['edges', 'node', 'parent']) : undefined;
  return {
    fields: node,
    ...(parent ? { parent } : {}),
    ...(legalReferences ? { legalReferences } : {}),
    totalCount: selectedFields(info).has('totalCount'),
  };
}
