import { useState } from 'react';
import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../api/types.ts';
import { problemText, isProblemError } from '../../api/problem.ts';
import { useMe } from '../../app/auth-context.tsx';
import { useDecision, type Decision } from './api.ts';
import { canDecide } from './permissions.ts';
import { ReasonModal } from './reason-modal.tsx';

/** The decisions the person may take on an organisation in its current state. */
export function DecisionButtons({ org, onDone }: { org: Organization; onDone?: (org: Organization, decision: Decision) => void }) {
  const { t, i18n } = useTranslation('organizations');
  const me = useMe();
  const { message } = App.useApp();
  const decision = useDecision();
  const [reasonFor, setReasonFor] = useState<'reject' | 'suspend' | null>(null);
  if (!canDecide(me, org)) return null;

  const decide = async (kind: Decision, reason?: string) => {
    const result = await decision.mutateAsync({ id: org.id, decision: kind, ...(reason ? { reason } : {}) });
    void message.success(t(`decision.done.${kind}`, { name: org.name }));
    setReasonFor(null);
    onDone?.(result, kind);
  };
  const quietly = (kind: Decision) => () =>
    decide(kind).catch((err: unknown) => {
      void message.error(isProblemError(err) ? problemText(err.problem, i18n.resolvedLanguage ?? 'vi') : String(err));
    });

  return (
    <>
      {org.status === 'pending' ? (
        <>
          <Popconfirm title={t('decision.approveConfirm', { name: org.name })} okText={t('decision.approve')} cancelText={t('common:cancel')} onConfirm={quietly('approve')}>
            <Button type="primary" loading={decision.isPending}>
              {t('decision.approve')}
            </Button>
          </Popconfirm>
          <Button danger onClick={() => setReasonFor('reject')}>
            {t('decision.reject')}
          </Button>
        </>
      ) : null}
      {org.status === 'approved' ? (
        <Button danger onClick={() => setReasonFor('suspend')}>
          {t('decision.suspend')}
        </Button>
      ) : null}
      {org.status === 'suspended' ? (
        <Popconfirm title={t('decision.reinstateConfirm', { name: org.name })} okText={t('decision.reinstate')} cancelText={t('common:cancel')} onConfirm={quietly('reinstate')}>
          <Button loading={decision.isPending}>{t('decision.reinstate')}</Button>
        </Popconfirm>
      ) : null}
      <ReasonModal
        open={reasonFor !== null}
        title={reasonFor === 'suspend' ? t('decision.suspendTitle', { name: org.name }) : t('decision.rejectTitle', { name: org.name })}
        okText={reasonFor === 'suspend' ? t('decision.suspend') : t('decision.reject')}
        onCancel={() => setReasonFor(null)}
        onSubmit={(reason) => decide(reasonFor ?? 'reject', reason)}
      />
    </>
  );
}
