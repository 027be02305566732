import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider, Loader, Center } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import '@mantine/core/styles.css';
import './i18n/i18n.ts';
import { App } from './app/App.tsx';
import { sessionQuery } from './auth/session.ts';
import { cssVariablesResolver, theme } from './app/theme.ts';

const queryClient = new QueryClient({
  defaultOptions: {
    // API reads pause offline (TanStack Query's default network mode) and resume when the browser is online again.
    queries: { retry: 1, staleTime: 30_000 },
    mutations: { retry: false },
  },
});

// Asked now, not after the language bundle arrives (the app waits for its strings): one round trip fewer on a slow network.
void queryClient.prefetchQuery(sessionQuery);

createRoot(document.getElementById('root')!).render(
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
  </StrictMode>,
);
