import type { ComponentProps } from 'react';
import { useAgencyOptions } from '../lib/api/use-agency-options';
import { RemoteSelect } from './remote-select';

export function AgencySelect(props: Omit<ComponentProps<typeof RemoteSelect>, 'useOptions'>) {
  return <RemoteSelect {...props} useOptions={useAgencyOptions} />;
}
