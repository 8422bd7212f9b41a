// Demo part "register": about 300 foreigners in the Muara Enim working area, with sponsors, passports and permits
// (some expiring, some overstaying), generated deterministically.
import { seedRegisterDemo } from '../persons/persons.demo';
import type { DemoPart } from './demo.parts';

export const registerDemoPart: DemoPart = {
  name: 'register',
  async load({ tx, ctx }) {
    await seedRegisterDemo(tx, ctx, { seed: 2026, count: 300, now: ctx.now() });
  },
};
