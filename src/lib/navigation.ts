/**
 * Full-page navigations (to sign in, after signing out). One object the tests can spy on, since jsdom cannot
 * follow `location.assign`.
 */
export const navigation = {
  assign(url: string): void {
    window.location.assign(url);
  },
};
