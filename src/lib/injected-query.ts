import type { UseQueryOptions } from '@tanstack/react-query';

/**
 * Query options one feature makes and another runs, passed in by the page that composes both (features do not
 * import each other). The data's type is kept; the exact tuple type of the key is the maker's business, and
 * TanStack's option types are invariant in it, so it is erased here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type InjectedQueryOptions<TData> = UseQueryOptions<TData, Error, TData, any>;
