// The signed-in user for everything behind the auth guard. The guard passes the user down, so a page never sees
// "nobody" in the moment between a session ending and the guard sending the person to sign-in.
import { createContext, type ReactNode, useContext } from 'react';
import type { Me } from '../../contracts/auth';

const SignedInUserContext = createContext<Me | null>(null);

export function SignedInUserProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <SignedInUserContext.Provider value={me}>{children}</SignedInUserContext.Provider>;
}

export function useSignedInUser(): Me {
  const me = useContext(SignedInUserContext);
  if (!me) {
    throw new Error('useSignedInUser is for pages behind the auth guard');
  }
  return me;
}
