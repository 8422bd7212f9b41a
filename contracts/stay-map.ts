// The office's map of foreigners staying in its area now: regency outlines of the viewer's scope and a point per
// property with guests now (no personal data; the guests of a property come from GET /stays).
import { z } from 'zod';

const lonLat = z.tuple([z.number(), z.number()]);

export const stayMapRegion = z.object({
  code: z.string(),
  name: z.string(),
  /** [longitude, latitude] of the label */
  center: lonLat,
  /** outer rings of the regency's polygons, [longitude, latitude] each */
  rings: z.array(z.array(lonLat)),
});

export const stayMapProperty = z.object({
  id: z.uuid(),
  name: z.string(),
  villageCode: z.string(),
  villageLabel: z.string(),
  guestCount: z.int(),
  /** the property's map pin; null when it has none (the property is then listed beside the map) */
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
});

export const stayMap = z.object({
  regions: z.array(stayMapRegion),
  properties: z.array(stayMapProperty),
  guestCount: z.int(),
});
export type StayMap = z.infer<typeof stayMap>;
export type StayMapProperty = z.infer<typeof stayMapProperty>;
