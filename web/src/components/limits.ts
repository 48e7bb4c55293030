import type { z } from 'zod';
import type { FormRule } from 'antd';

/** The string inside optional, nullable and default wrappers. */
function innerString(schema: z.ZodType): { minLength: number | null; maxLength: number | null } {
  let s: z.ZodType = schema;
  for (let i = 0; i < 5; i++) {
    const inner = (s.def as { innerType?: z.ZodType }).innerType;
    if (!inner) break;
    s = inner;
  }
  const str = s as unknown as { minLength?: number | null; maxLength?: number | null };
  if (str.maxLength === undefined) throw new Error('limits: not a string schema');
  return { minLength: str.minLength ?? null, maxLength: str.maxLength ?? null };
}

/** The most characters the API's schema accepts for a text field. */
export function maxLengthOf(schema: z.ZodType): number {
  const n = innerString(schema).maxLength;
  if (n === null) throw new Error('limits: the schema sets no maximum');
  return n;
}

/** The fewest characters the API's schema accepts (0 when it sets none). */
export const minLengthOf = (schema: z.ZodType): number => innerString(schema).minLength ?? 0;

/** A form rule with the API's limit, so the form refuses what the server would. */
export const maxRule = (schema: z.ZodType, message?: (max: number) => string): FormRule => {
  const max = maxLengthOf(schema);
  return message ? { max, message: message(max) } : { max };
};
