import { useTranslation } from 'react-i18next';
import { Alert, Stepper, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { STAGE_PATH, type ClosureReason, type Stage } from './proceedings-codes.ts';
import { useProceedingsFormats } from './formats.ts';

/**
 * Where the case stands on the way from investigation in rem to final
 * judgment (CPP art. 305, 327, 408, 551): the stages passed, the current one
 * (also said in words for screen readers), and a closure with its date and
 * reason. Vertical on a phone. The steps are not buttons: the stage changes
 * only through the stage form.
 */
export function StageStepper({
  stage,
  closedOn,
  closureReason,
}: {
  stage: Stage;
  closedOn: string | null;
  closureReason: ClosureReason | null;
}) {
  const { t } = useTranslation('proceedings');
  const formats = useProceedingsFormats();
  const phone = useMediaQuery('(max-width: 48em)');
  const current = STAGE_PATH.indexOf(stage);
  return (
    <>
      <Text fw={600}>{t('stages.current', { stage: t(`stage.${stage}`) })}</Text>
      {stage === 'closed' ? (
        <Alert color="gray" variant="outline">
          {closedOn
            ? t('stages.closed', { date: formats.day(closedOn), reason: t(`closure_reason.${closureReason ?? 'other'}`) })
            : t('stage.closed')}
        </Alert>
      ) : (
        <Stepper
          active={stage === 'final_judgment' ? STAGE_PATH.length : current}
          orientation={phone ? 'vertical' : 'horizontal'}
          size={phone ? 'xs' : 'sm'}
          allowNextStepsSelect={false}
          aria-label={t('stages.stepper')}
          styles={{
            steps: { flexWrap: 'wrap', rowGap: 'var(--mantine-spacing-sm)' },
            // Mantine spaces vertical steps for long descriptions; ours are one line, so a phone keeps the panel short.
            step: phone ? { minHeight: 'calc(var(--stepper-icon-size) + var(--mantine-spacing-sm))' } : undefined,
          }}
        >
          {STAGE_PATH.map((s, index) => (
            <Stepper.Step
              key={s}
              label={t(`stage.${s}`)}
              description={index === current ? t('stages.now') : undefined}
              aria-current={index === current ? 'step' : undefined}
              tabIndex={-1}
            />
          ))}
        </Stepper>
      )}
    </>
  );
}
