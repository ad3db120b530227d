import { useEffect, useRef, useState } from 'react';
import { Button, Card, Form, Typography, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { currentLanguage } from '../../i18n/language.ts';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { usePageTitle } from '../../shared/use-page-title.ts';
import { useFormProblem } from '../../shared/use-form-problem.ts';
import { AddressStep } from './address-step.tsx';
import { AdminStep } from './admin-step.tsx';
import { OrganizationStep } from './organization-step.tsx';
import { ReviewStep } from './review-step.tsx';
import { SectorsStep } from './sectors-step.tsx';
import { stepOfFields, toRegistrationInput, WIZARD_STEPS, type RegistrationValues } from './wizard-model.ts';
import { WizardProgress } from './wizard-progress.tsx';

const STEP_BODIES = [OrganizationStep, AddressStep, SectorsStep, AdminStep, ReviewStep];

/**
 * Business registration wizard. Every step stays mounted (hidden when not current), so that values survive
 * going back and forth and server field errors can be put on any step's fields.
 */
export default function RegistrationPage() {
  const { t } = useTranslation('registration');
  const navigate = useNavigate();
  const [form] = Form.useForm<RegistrationValues>();
  const problem = useFormProblem(form);
  const [current, setCurrent] = useState(0);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  usePageTitle(`${t('title')} — ${t(`steps.${WIZARD_STEPS[current]!.key}`)}`);

  // Each step change moves keyboard focus to the step's heading (and screen readers announce it).
  useEffect(() => {
    if (moved.current) heading.current?.focus();
    moved.current = true;
  }, [current]);

  const next = async () => {
    try {
      await form.validateFields(WIZARD_STEPS[current]!.fields);
      setCurrent((c) => Math.min(c + 1, WIZARD_STEPS.length - 1));
    } catch {
      // antd shows the messages on the fields; focus the first invalid one.
      const loose = form as unknown as FormInstance<unknown>;
      const fields = WIZARD_STEPS[current]!.fields;
      loose.scrollToField(fields.find((f) => loose.getFieldError(f).length > 0) ?? fields[0]!, { focus: true });
    }
  };

  const submit = async () => {
    try {
      await form.validateFields(WIZARD_STEPS[current]!.fields);
    } catch {
      return;
    }
    setBusy(true);
    problem.clear();
    try {
      const values = form.getFieldsValue(true) as RegistrationValues;
      const created = await api.post<{ id: string; status: string }>('/registrations', toRegistrationInput(values, currentLanguage()), { anonymousOk: true });
      navigate('/register/done', { state: { id: created.id, name: values.organization.name, email: values.admin.email } });
    } catch (err) {
      const fields = problem.report(err);
      const step = stepOfFields(fields);
      if (step !== undefined) setCurrent(step);
    } finally {
      setBusy(false);
    }
  };

  const last = current === WIZARD_STEPS.length - 1;
  return (
    <Card>
      <Typography.Title level={1} className="page-title">
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <WizardProgress current={current} />
      <Typography.Title level={2} style={{ fontSize: 18 }} tabIndex={-1} ref={heading}>
        {t(`steps.${WIZARD_STEPS[current]!.key}`)}
      </Typography.Title>
      <ProblemAlert problem={problem.problem} fieldErrors={problem.unmatched} />
      {/* Our own <form>: antd's would validate every step's fields on submit; each step validates its own. */}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void (last ? submit() : next());
        }}
      >
        <Form form={form} component={false} layout="vertical" requiredMark="optional" initialValues={{ organization: { kind: 'cooperative', sectors: [] }, acceptTerms: false }}>
          {STEP_BODIES.map((Body, i) => (
            <div key={WIZARD_STEPS[i]!.key} hidden={i !== current}>
              <Body />
            </div>
          ))}
          <div className="wizard-actions">
            {current > 0 ? <Button onClick={() => setCurrent((c) => c - 1)}>{t('back')}</Button> : <Link to="/sign-in">{t('haveAccount')}</Link>}
            <Button type="primary" htmlType="submit" loading={busy}>
              {last ? t('submit') : t('next')}
            </Button>
          </div>
        </Form>
      </form>
    </Card>
  );
}
