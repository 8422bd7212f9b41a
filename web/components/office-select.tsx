import type { ComponentProps } from 'react';
import { useOfficeOptions } from '../lib/api/use-office-options';
import { RemoteSelect } from './remote-select';

export function OfficeSelect(props: Omit<ComponentProps<typeof RemoteSelect>, 'useOptions'>) {
  return <RemoteSelect {...props} useOptions={useOfficeOptions} />;
}
