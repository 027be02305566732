import { PROBLEM_NAMESPACES } from '../app/problem-vocabularies.ts';
import { lazy, Suspense, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useParams } from 'wouter';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Group, Loader, Progress, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useSession } from '../auth/session.ts';
import { errorText, fieldLine } from '../app/problem-text.ts';
import { addDeviceScreening, newDeviceScreening, saveDraft, type DeviceScreening, type ScreeningDraft } from './device-screenings.ts';
import { finishRevision, syncScreenings } from './screening-sync.ts';
import { setFor, stepIndex, stepsFor, type Step } from './screening-steps.ts';
import { useDeviceScreening } from './use-device-screenings.ts';
import { SyncStateBadge } from './SyncStateBadge.tsx';
import { ScreeningResultPanel, evaluateDraft } from './ScreeningResultPanel.tsx';
import { FormStep, NotesStep, PersonStep, QuestionsStep, WhereStep } from './wizard-steps.tsx';

// Its own chunk, loaded once a screening is on the server: the screening route's budget (bench/web-size.bench.ts).
const ScreeningCase = lazy(() => import('../referrals/ScreeningCase.tsx'));

/**
 * The screening wizard (issue 5 point 3, issue 4 point 6): mobile-first, one
 * question a step on a phone, a dimension a step on a wider screen. Every
 * change is saved to this device at once (IndexedDB); "Finish" queues the
 * revision for the server, sent now or whenever the device is online.
 * Nothing depends on the network or the session.
 */
export default function ScreeningWizard() {
  const { id } = useParams<{ id?: string }>();
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const session = useSession();
  const owner = session.data?.status === 'signed_in' ? session.data.user.username : '';
  // A new screening (/screenings?new=1) is a blank one shown at once (the server prerenders this first screen) and kept
  // on the device; its address becomes /screenings/<id> with this component, and its wizard, still mounted (App.tsx).
  const [route, setRoute] = useState(() => ({ id, fresh: id ? null : newDeviceScreening(owner) }));
  if (route.id !== id) {
    // The address changed under this component: to the new screening's own (keep it), to ?new=1 again (a new blank
    // one), or to another screening.
    setRoute({ id, fresh: id === undefined ? newDeviceScreening(owner) : route.fresh?.id === id ? route.fresh : null });
  }
  const fresh = route.fresh;
  const [storageFailed, setStorageFailed] = useState(false);
  const stored = useDeviceScreening(id ?? fresh!.id);
  // Before the first paint in the browser: its address is the screening's from the start (a reload, a bookmark), and a
  // change saved after addDeviceScreening lands after it (device-screenings.ts).
  useLayoutEffect(() => {
    if (!fresh || id) return;
    // IndexedDB refused it (full, private mode): said as for a screening that cannot be read.
    addDeviceScreening(fresh).catch(() => setStorageFailed(true));
    navigate(`/screenings/${fresh.id}`, { replace: true });
  }, [fresh, id, navigate]);

  if (storageFailed) return <Alert color="red">{t('screening.storage_error')}</Alert>;
  if (fresh) return <Wizard key={fresh.id} initial={fresh} live={stored.data ?? fresh} />;
  if (stored.isPending) return <Loader aria-label={t('common.loading')} />;
  if (stored.isError) return <Alert color="red">{t('screening.storage_error')}</Alert>;
  if (!stored.data) return <Alert color="gray">{t('screening.not_on_device')}</Alert>;
  return <Wizard key={stored.data.id} initial={stored.data} live={stored.data} />;
}

type Problems = Partial<Record<'county' | 'context' | 'age' | 'exploitation', string>>;

function problemsOf(step: Step, draft: ScreeningDraft): Problems {
  if (step.kind === 'where')
    return {
      ...(draft.context ? {} : { context: 'screening.required.context' }),
      ...(draft.county ? {} : { county: 'screening.required.county' }),
    };
  if (step.kind === 'person') {
    if (draft.subject.age_years == null && draft.subject.age_group == null) return { age: 'screening.required.age' };
    // The domain's bound (screening-record.ts: age_years 0 to 130).
    if (draft.subject.age_years != null && draft.subject.age_years > 130) return { age: 'screening.required.age_range' };
  }
  if (step.kind === 'form') {
    if (!draft.exploitation) return { exploitation: 'screening.required.exploitation' };
    if (setFor(draft)?.status !== 'transcribed') return { exploitation: 'screening.set_not_available' };
  }
  return {};
}

function Wizard({ initial, live }: { initial: DeviceScreening; live: DeviceScreening }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const onePerStep = !useMediaQuery('(min-width: 48em)', false, { getInitialValueInEffect: false });
  const [draft, setDraft] = useState<ScreeningDraft>(initial.draft);
  const [stepKey, setStepKey] = useState<string>(initial.revision > 0 && !initial.edited_since_revision ? 'review' : initial.step);
  const [problems, setProblems] = useState<Problems>({});
  // Each refused "Next" moves the keyboard to the problem summary, even when the problems are the same as before.
  const [refusals, setRefusals] = useState(0);
  const [saveFailed, setSaveFailed] = useState(false);
  // Writes pending on this device: "Saving" until the last one has landed in IndexedDB.
  const [pendingWrites, setPendingWrites] = useState(0);
  const [finishing, setFinishing] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const steps = useMemo(() => stepsFor(draft, onePerStep), [draft, onePerStep]);
  const index = stepIndex(steps, stepKey);
  const step = steps[index]!;

  // A new step is announced: focus moves to its heading (keyboard and screen-reader users start there).
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    heading.current?.focus();
  }, [step.key]);

  const persist = (next: ScreeningDraft, nextStep: string) => {
    setPendingWrites((n) => n + 1);
    saveDraft(initial.id, next, nextStep)
      .then(
        () => setSaveFailed(false),
        // The draft stays in memory and on screen; the next change tries to save again.
        () => setSaveFailed(true),
      )
      .finally(() => setPendingWrites((n) => n - 1));
  };
  const change = (next: ScreeningDraft) => {
    setDraft(next);
    setProblems({});
    persist(next, step.key);
  };
  const go = (to: number) => {
    const target = steps[Math.max(0, Math.min(steps.length - 1, to))]!;
    setStepKey(target.key);
    persist(draft, target.key);
    window.scrollTo({ top: 0 });
  };
  const next = () => {
    const found = problemsOf(step, draft);
    setProblems(found);
    if (Object.keys(found).length === 0) go(index + 1);
    else setRefusals((n) => n + 1);
  };
  const finish = async () => {
    setFinishing(true);
    try {
      await saveDraft(initial.id, draft, 'review');
      await finishRevision(initial.id);
    } catch {
      setSaveFailed(true);
    } finally {
      setFinishing(false);
    }
  };

  const result = step.kind === 'review' ? evaluateDraft(draft) : null;
  const finished = live.revision > 0 && !live.edited_since_revision;
  const questionCount = steps
    .filter((s) => s.kind === 'questions')
    .reduce((n, s) => n + (s.kind === 'questions' ? s.questions.length : 0), 0);
  const answered = Object.keys(draft.answers).length;

  return (
    <Stack maw={760} gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          {t('screening.title')}
        </Title>
        <Group gap="xs" role="status" aria-live="polite">
          <Text size="sm">{saveFailed ? t('sync.not_saved') : pendingWrites > 0 ? t('sync.saving') : t('sync.saved_on_device')}</Text>
          <SyncStateBadge screening={live} />
        </Group>
      </Group>
      <div>
        <Text size="sm" id="wizard-progress">
          {t('screening.step_of', { current: index + 1, total: steps.length })}
          {questionCount > 0 && ` · ${t('screening.answered', { count: answered, total: questionCount })}`}
        </Text>
        <Progress.Root mt={4}>
          <Progress.Section value={((index + 1) / steps.length) * 100} aria-labelledby="wizard-progress" />
        </Progress.Root>
      </div>
      {saveFailed && (
        <Alert color="red" role="alert">
          {t('screening.save_failed')}
        </Alert>
      )}
      <ProblemSummary problems={problems} refusals={refusals} />
      <section aria-labelledby="step-heading">
        <Title order={2} size="h3" ref={heading} tabIndex={-1} id="step-heading" mb="sm">
          {step.kind === 'questions'
            ? t(step.group === 'act' ? 'screening.act_title' : `dimension.${step.group}`)
            : t(`screening.steps.${step.kind}`)}
        </Title>
        {step.kind === 'where' && <WhereStep draft={draft} onChange={change} problems={problems} />}
        {step.kind === 'person' && <PersonStep draft={draft} onChange={change} problems={problems} />}
        {step.kind === 'form' && <FormStep draft={draft} onChange={change} problems={problems} />}
        {step.kind === 'questions' && <QuestionsStep draft={draft} onChange={change} questions={step.questions} />}
        {step.kind === 'notes' && <NotesStep draft={draft} onChange={change} />}
        {step.kind === 'review' && (
          <Stack>
            {result ? <ScreeningResultPanel result={result} /> : <Alert color="gray">{t('screening.no_result_yet')}</Alert>}
            <SyncExplanation screening={live} />
            {finished && live.sync?.state === 'sent' && (
              <Suspense fallback={null}>
                <ScreeningCase screeningId={live.id} />
              </Suspense>
            )}
          </Stack>
        )}
      </section>
      <Group justify="space-between" mt="md">
        <Button variant="default" onClick={() => go(index - 1)} disabled={index === 0}>
          {t('common.back')}
        </Button>
        {step.kind !== 'review' ? (
          <Button onClick={next}>{t('common.next')}</Button>
        ) : finished ? (
          <Group>
            <Button variant="default" onClick={() => go(0)}>
              {t('screening.edit')}
            </Button>
            <Button onClick={() => navigate('/screenings?new=1')}>{t('screenings.new')}</Button>
          </Group>
        ) : (
          <Button onClick={() => void finish()} loading={finishing} disabled={!result}>
            {live.revision > 0 ? t('screening.save_changes') : t('screening.finish')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/** The field a problem names: the input itself, or the chosen (else first enabled) radio of a group. */
function focusField(key: string) {
  const field = document.querySelector<HTMLElement>(`[data-field="${key}"]`);
  const target = field?.matches('input, select, textarea')
    ? field
    : (field?.querySelector<HTMLElement>('input:checked') ?? field?.querySelector<HTMLElement>('input:not(:disabled)'));
  target?.focus();
}

/**
 * What stops the step, as GOV.UK's error summary does it: a box above the step
 * that takes the keyboard focus when "Next" is refused (so a screen reader
 * reads it at once: role="alert", titled), listing each problem as a link that
 * moves the focus to its field; the fields show their own message too.
 */
function ProblemSummary({ problems, refusals }: { problems: Problems; refusals: number }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (refusals > 0) box.current?.focus();
  }, [refusals]);
  const found = Object.entries(problems).filter((entry): entry is [string, string] => Boolean(entry[1]));
  if (found.length === 0) return null;
  return (
    <Alert ref={box} tabIndex={-1} color="red" title={t('screening.problem_summary')} data-problem-summary>
      <ul style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
        {found.map(([key, message]) => (
          <li key={key}>
            <a
              href={`#${key}`}
              onClick={(event) => {
                event.preventDefault();
                focusField(key);
              }}
            >
              {t(message)}
            </a>
          </li>
        ))}
      </ul>
    </Alert>
  );
}

/** What happens to a finished screening, in words: waiting for the network, sent, or refused with the server's reason. */
function SyncExplanation({ screening }: { screening: DeviceScreening }) {
  const { t, i18n } = useTranslation();
  // The refusal's words load with it, never suspending the wizard (what was typed stays on screen).
  const { t: tp } = useTranslation(PROBLEM_NAMESPACES, { useSuspense: false });
  const sync = screening.sync;
  if (!sync || screening.revision === 0) return <Text>{t('sync.explain.draft')}</Text>;
  if (sync.state === 'sent')
    return (
      <Text>
        {t('sync.explain.sent', {
          date: new Date(sync.at),
          formatParams: { date: { dateStyle: 'medium', timeStyle: 'short' } },
          lng: i18n.resolvedLanguage,
        })}
      </Text>
    );
  if (sync.state === 'refused')
    return (
      <Alert color="red" role="alert" title={t('sync.explain.refused_title')}>
        {errorText(tp, sync)}
        {sync.fields.map((f) => (
          <Text key={f.path} size="sm">
            {fieldLine(tp, f)}
          </Text>
        ))}
      </Alert>
    );
  return (
    <Group>
      <Text>{t('sync.explain.waiting')}</Text>
      <Button variant="default" size="xs" onClick={() => void syncScreenings(screening.owner, true)}>
        {t('sync.send_now')}
      </Button>
    </Group>
  );
}
