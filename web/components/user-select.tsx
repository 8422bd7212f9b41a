import type { ComponentProps } from 'react';
import { useUserOptions } from '../lib/api/use-user-options';
import { RemoteSelect } from './remote-select';

export function UserSelect(props: Omit<ComponentProps<typeof RemoteSelect>, 'useOptions'>) {
  return <RemoteSelect {...props} useOptions={useUserOptions} />;
}
