/** API contract of the search over models and exemplars. */
import { z } from 'zod';
import { requiredText } from './text-input.js';
import { REGISTRATION_STATES } from './workflow.js';

export const SearchQuery = z.object({
  q: requiredText(100),
  fieldCode: z.string().max(40).optional(),
  year: z.coerce.number().int().min(1900).max(2100).optional(),
  state: z.enum(REGISTRATION_STATES).optional(),
  kind: z.enum(['model', 'exemplar']).optional(),
  unitId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

const Parts = z.array(z.object({ text: z.string(), hit: z.boolean() }));
export const SearchHit = z.object({
  id: z.uuid(),
  kind: z.enum(['model', 'exemplar']),
  title: z.string(),
  /** The title cut into plain and matched parts, to highlight without HTML. */
  titleParts: Parts,
  unit: z.object({ id: z.uuid(), name: z.string() }),
  personName: z.string().nullable(),
  fieldCode: z.string(),
  year: z.number().int(),
  state: z.enum(REGISTRATION_STATES),
  /** A few words around a match in the description, when the match is there. */
  snippet: Parts,
});
export type SearchHit = z.infer<typeof SearchHit>;
export const SearchResult = z.object({
  total: z.number().int(),
  /** True when there were more matches than are counted (see SEARCH_CAP): ask for more words. */
  capped: z.boolean(),
  items: z.array(SearchHit),
});
export type SearchResult = z.infer<typeof SearchResult>;
