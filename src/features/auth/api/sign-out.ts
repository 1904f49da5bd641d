/** `POST /auth/sign-out`: ends the session on the server, then the browser goes where the server says. */
import { useMutation } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from '@/lib/api-client';
import { navigation } from '@/lib/navigation';

const SignOutResponse = z.object({ redirectTo: z.string() });

export function signOut(): Promise<{ redirectTo: string }> {
  // A JSON body: the server, like every write, refuses what a cross-site form could send.
  return apiRequest('/auth/sign-out', { base: '', body: {}, schema: SignOutResponse });
}

export function useSignOut() {
  return useMutation({
    mutationFn: signOut,
    // The provider's own sign-out page (or the console's start): a full navigation, the app's state goes with it.
    onSuccess: ({ redirectTo }) => navigation.assign(redirectTo),
  });
}
