// Demo part "accommodations": twenty properties in the Muara Enim working area, and the demo hotel operator bound to
// one of them.
import { seedAccommodationsDemo } from '../accommodations/accommodations.demo';
import { DEMO_MAIL_DOMAIN } from './demo.orgs';
import type { DemoPart } from './demo.parts';

export const accommodationsDemoPart: DemoPart = {
  name: 'accommodations',
  async load({ tx, ctx, demoId, audit }) {
    const result = await seedAccommodationsDemo(tx, ctx, {
      demoId,
      mailDomain: DEMO_MAIL_DOMAIN,
      operatorEmail: `hotel@${DEMO_MAIL_DOMAIN}`,
    });
    await audit({ action: 'accommodation.demo_load', objectType: 'accommodation', details: result });
  },
};
