import { Checkbox, DatePicker, Form, Input, Modal, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { API_PERMISSIONS, type ApiPermission, type CreatedApiKey } from '../../api/types.ts';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { useFormProblem } from '../../shared/use-form-problem.ts';
import { useCreateApiKey } from './api.ts';

interface Values {
  name: string;
  permissions: ApiPermission[];
  expiresAt?: Dayjs | null;
}

/** A new key: a name, the permissions it grants (least privilege), and an optional expiry date. */
export function CreateKeyModal({ orgId, open, onClose, onCreated }: { orgId: string; open: boolean; onClose: () => void; onCreated: (c: CreatedApiKey) => void }) {
  const { t } = useTranslation('apiKeys');
  const [form] = Form.useForm<Values>();
  const problem = useFormProblem(form);
  const create = useCreateApiKey(orgId);
  const submit = async () => {
    const values = await form.validateFields();
    try {
      const created = await create.mutateAsync({
        name: values.name.trim(),
        permissions: values.permissions,
        // The key works until the end of the chosen day, local time.
        expiresAt: values.expiresAt ? values.expiresAt.endOf('day').toISOString() : null,
      });
      form.resetFields();
      problem.clear();
      onCreated(created);
    } catch (err) {
      problem.report(err);
    }
  };
  return (
    <Modal open={open} forceRender title={t('create.title')} okText={t('create.submit')} cancelText={t('common:cancel')} onOk={submit} onCancel={onClose} confirmLoading={create.isPending}>
      <ProblemAlert problem={problem.problem} fieldErrors={problem.unmatched} />
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ permissions: ['organization:read'] }}>
        <Form.Item name="name" label={t('field.name')} extra={t('create.nameHint')} rules={[{ required: true, whitespace: true, max: 100, message: t('create.nameRequired') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="permissions" label={t('field.permissions')} rules={[{ required: true, type: 'array', min: 1, message: t('create.permissionsRequired') }]}>
          <Checkbox.Group>
            <Space orientation="vertical">
              {API_PERMISSIONS.map((p) => (
                <Checkbox key={p} value={p}>
                  <Typography.Text code>{p}</Typography.Text> {t(`permission.${p.replace(':', '_')}`)}
                </Checkbox>
              ))}
            </Space>
          </Checkbox.Group>
        </Form.Item>
        <Form.Item name="expiresAt" label={t('field.expiresAt')} extra={t('create.expiryHint')}>
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => d.isBefore(dayjs(), 'day')}
            presets={[
              { label: t('create.in30'), value: dayjs().add(30, 'day') },
              { label: t('create.in90'), value: dayjs().add(90, 'day') },
              { label: t('create.in365'), value: dayjs().add(1, 'year') },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
