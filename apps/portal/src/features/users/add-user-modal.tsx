import { Form, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CreatedUser, OrganizationRole } from '../../api/types.ts';
import { currentLanguage } from '../../i18n/language.ts';
import { useLabels } from '../../shared/labels.ts';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { useFormProblem } from '../../shared/use-form-problem.ts';
import { useCreateOrganizationUser } from './api.ts';
import { PersonFields, personBody, type PersonValues } from './person-fields.tsx';

type Values = PersonValues & { role: OrganizationRole };

/** An organisation admin adds a staff member or another admin. */
export function AddUserModal({ orgId, open, onClose, onCreated }: { orgId: string; open: boolean; onClose: () => void; onCreated: (created: CreatedUser) => void }) {
  const { t } = useTranslation('users');
  const labels = useLabels();
  const [form] = Form.useForm<Values>();
  const problem = useFormProblem(form);
  const create = useCreateOrganizationUser(orgId);
  const submit = async () => {
    const values = await form.validateFields();
    try {
      const created = await create.mutateAsync({ ...personBody(values, currentLanguage()), role: values.role });
      form.resetFields();
      problem.clear();
      onCreated(created);
    } catch (err) {
      problem.report(err);
    }
  };
  return (
    <Modal open={open} title={t('add.title')} okText={t('add.submit')} cancelText={t('common:cancel')} onOk={submit} onCancel={onClose} confirmLoading={create.isPending} forceRender>
      <ProblemAlert problem={problem.problem} fieldErrors={problem.unmatched} />
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ role: 'org_staff', passwordMode: 'link' }}>
        <PersonFields />
        <Form.Item name="role" label={t('field.role')}>
          <Radio.Group
            options={(['org_staff', 'org_admin'] as const).map((r) => ({ value: r, label: labels.role(r) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
