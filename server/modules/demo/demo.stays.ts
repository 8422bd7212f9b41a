// Demo part "stays": about three months of guest reports at the demo properties (check-ins, check-outs, some late
// reports, a few missing check-outs, guests staying now) with their receipts.
import { seedStaysDemo } from '../stays/stays.demo';
import type { DemoPart } from './demo.parts';

export const staysDemoPart: DemoPart = {
  name: 'stays',
  async load({ tx, ctx, demoId, audit }) {
    const result = await seedStaysDemo(tx, ctx, { demoId, seed: 2026 });
    await audit({ action: 'stay.demo_load', objectType: 'stay', details: result });
  },
};
