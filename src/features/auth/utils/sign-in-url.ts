/** The server's sign-in, which comes back to `returnTo` (a path and query of this console) once signed in. */
export function signInUrl(returnTo: string): string {
  return `/auth/sign-in?returnTo=${encodeURIComponent(returnTo)}`;
}
