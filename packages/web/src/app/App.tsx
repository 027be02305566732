import { lazy } from 'react';
import { Redirect, Route, Switch, useSearchParams, type RouteComponentProps } from 'wouter';
import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session.ts';
import { Shell } from './Shell.tsx';
import { ApiErrorAlert } from './ApiErrorAlert.tsx';

// Separate chunks: the screening route loads only what screening needs (bench/web-size.bench.ts).
const loadScreeningsPage = () => import('../screening/ScreeningsPage.tsx');
const loadScreeningWizard = () => import('../screening/ScreeningWizard.tsx');
// Sign-in, the one-time password change and "my work" too: a screening opened by a signed-in user needs none of them
// (my work brings the referrals and deadlines cards); the service worker precaches their chunks for offline use.
const SignInPage = lazy(() => import('../auth/SignInPage.tsx').then((m) => ({ default: m.SignInPage })));
const ChangePasswordPage = lazy(() => import('../auth/ChangePasswordPage.tsx').then((m) => ({ default: m.ChangePasswordPage })));
const loadMyWorkPage = () => import('../work/MyWorkPage.tsx').then((m) => ({ default: m.MyWorkPage }));
const MyWorkPage = lazy(loadMyWorkPage);
const ScreeningsPage = lazy(loadScreeningsPage);
const ScreeningWizard = lazy(loadScreeningWizard);
const ReferralsInboxPage = lazy(() => import('../referrals/ReferralsInboxPage.tsx'));
const DirectoryPage = lazy(() => import('../directory/DirectoryPage.tsx'));
const StatisticsPage = lazy(() => import('../statistics/StatisticsPage.tsx'));
const TracePage = lazy(() => import('../statistics/TracePage.tsx'));
const AdminPage = lazy(() => import('../admin/AdminPage.tsx'));
const CriminalCasesPage = lazy(() => import('../proceedings/CriminalCasesPage.tsx'));
const CriminalCasePage = lazy(() => import('../proceedings/CriminalCasePage.tsx'));
const DeadlinesPage = lazy(() => import('../proceedings/DeadlinesPage.tsx'));
const CasePage = lazy(() => import('../case/CasePage.tsx'));
// Opened on a screening route: fetch its chunk alongside the strings and the session instead of after them.
// (No window when the server prerenders the wizard: src/prerender.tsx.)
if (typeof window !== 'undefined' && window.location.pathname.startsWith('/screenings')) {
  void loadScreeningsPage();
  void loadScreeningWizard();
}
if (typeof window !== 'undefined' && window.location.pathname === '/') void loadMyWorkPage();

/** The routes. Signed out: sign-in; one-time password: change it; else the shell with its screens. */
export function App() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.isPending)
    return (
      <Center h="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (session.isError) return <ApiErrorAlert error={session.error} m="md" />;
  if (session.data.status === 'signed_out') return <SignInPage />;
  if (session.data.user.must_change_password && !session.data.offline) return <ChangePasswordPage />;
  return (
    <Shell session={session.data}>
      <Switch>
        <Route path="/" component={MyWorkPage} />
        <Route path="/screenings" component={Screenings} />
        <Route path="/screenings/:id" component={Screenings} />
        <Route path="/referrals" component={ReferralsInboxPage} />
        <Route path="/directory" component={DirectoryPage} />
        <Route path="/statistics" component={StatisticsPage} />
        <Route path="/statistics/trace" component={TracePage} />
        <Route path="/admin/:tab?" component={AdminPage} />
        <Route path="/criminal-cases" component={CriminalCasesPage} />
        <Route path="/criminal-cases/:id" component={CriminalCasePage} />
        <Route path="/deadlines" component={DeadlinesPage} />
        <Route path="/cases/:id" component={CasePage} />
        <Route>
          <Redirect to="/" replace />
        </Route>
      </Switch>
    </Shell>
  );
}

/**
 * /screenings lists the device's screenings; /screenings?new=1 (a new one)
 * and /screenings/<id> are the wizard. One component for the three, so a new
 * screening's wizard stays the same mounted screen when its address becomes
 * /screenings/<id> (ScreeningWizard.tsx).
 */
function Screenings({ params }: RouteComponentProps<{ id?: string }>) {
  const [search] = useSearchParams();
  return params.id || search.has('new') ? <ScreeningWizard /> : <ScreeningsPage />;
}
