import type { InjectedQueryOptions } from '@/lib/injected-query';

/**
 * How the History learns travelers' names: the travelers feature's lookup, passed in by the page that composes
 * both (features do not import each other). Names of at most `maxIds` travelers per lookup.
 */
export interface TravelerNames {
  maxIds: number;
  queryOptions: (userIds: readonly string[]) => InjectedQueryOptions<Map<string, string | undefined>>;
}
