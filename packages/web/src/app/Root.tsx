import { StrictMode, Suspense } from 'react';
import { MantineProvider, Loader, Center } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from './App.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

/** The app's query cache: one per page in the browser, one per request when the server prerenders (src/prerender.tsx). */
export function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // API reads pause offline (TanStack Query's default network mode) and resume when the browser is online again.
      queries: { retry: 1, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}

/**
 * The whole app with its providers. The browser renders it (main.tsx) and the
 * server prerenders it for the screening wizard's first screen
 * (src/prerender.tsx): the same tree on both sides, so the browser hydrates
 * the server's markup instead of drawing it again.
 */
export function Root({ queryClient }: { queryClient: QueryClient }) {
  return (
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
        <QueryClientProvider client={queryClient}>
          <Suspense
            fallback={
              <Center h="100vh">
                <Loader aria-label="Loading" />
              </Center>
            }
          >
            <App />
          </Suspense>
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>
  );
}
