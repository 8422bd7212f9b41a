import type { ComponentProps } from 'react';
import { RemoteSelect } from '../../../components/remote-select';
import { useSponsorOptions } from '../api/use-sponsor-options';

export function SponsorSelect(props: Omit<ComponentProps<typeof RemoteSelect>, 'useOptions'>) {
  return <RemoteSelect {...props} useOptions={useSponsorOptions} />;
}
