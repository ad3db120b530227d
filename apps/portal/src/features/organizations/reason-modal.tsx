import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { useFormProblem } from '../../shared/use-form-problem.ts';

export interface ReasonModalProps {
  readonly open: boolean;
  readonly title: string;
  readonly okText: string;
  readonly onCancel: () => void;
  /** Resolves when done; a rejection is shown in the modal. */
  readonly onSubmit: (reason: string) => Promise<unknown>;
}

/** Rejecting or suspending needs a reason the applicant will read. */
export function ReasonModal({ open, title, okText, onCancel, onSubmit }: ReasonModalProps) {
  const { t } = useTranslation('organizations');
  const [form] = Form.useForm<{ reason: string }>();
  const problem = useFormProblem(form);
  const submit = async () => {
    const { reason } = await form.validateFields();
    try {
      await onSubmit(reason.trim());
      form.resetFields();
      problem.clear();
    } catch (err) {
      problem.report(err);
    }
  };
  return (
    <Modal open={open} title={title} okText={okText} okButtonProps={{ danger: true }} onOk={submit} onCancel={onCancel} destroyOnHidden>
      <ProblemAlert problem={problem.problem} fieldErrors={problem.unmatched} />
      <Form form={form} layout="vertical" requiredMark={false} preserve={false}>
        <Form.Item name="reason" label={t('decision.reason')} extra={t('decision.reasonHint')} rules={[{ required: true, whitespace: true, message: t('decision.reasonRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
