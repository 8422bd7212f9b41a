// Kemendagri areas: search, children and one area with its ancestors.
import { z } from 'zod';
import { regionCodeSchema } from './common';

export const regionLevel = z.coerce.number().int().min(1).max(4);

export const regionItem = z.object({
  code: z.string(),
  /** 1 province, 2 regency/city, 3 district (kecamatan), 4 village (desa/kelurahan) */
  level: z.number().int(),
  name: z.string(),
  parentCode: z.string().nullable(),
  /** the area and its ancestors as people write them: "Desa Muara Siban, Kec. Dempo Utara, Kota Pagar Alam, Sumatera Selatan" */
  label: z.string(),
});
export type RegionItem = z.infer<typeof regionItem>;

export const regionListQuery = z
  .object({
    q: z.string().trim().min(1).max(100).optional(),
    parent: regionCodeSchema.optional(),
    /** only areas inside this one */
    within: regionCodeSchema.optional(),
    level: regionLevel.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(20),
  })
  .strict();

export const regionListResponse = z.object({ items: z.array(regionItem) });

export const regionDetail = regionItem.extend({
  ancestors: z.array(z.object({ code: z.string(), level: z.number().int(), name: z.string() })),
  childCount: z.number().int(),
});

export const regionCodeParams = z.object({ code: regionCodeSchema }).strict();
