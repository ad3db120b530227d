import { useEffect } from 'react';
import { Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CreatedUser, User } from '../../api/types.ts';
import { currentLanguage } from '../../i18n/language.ts';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { useFormProblem } from '../../shared/use-form-problem.ts';
import { useCreateOfficial, useUpdateOfficial } from './api.ts';
import { OfficialScopeFields, scopeBody, type ScopeValues } from './official-scope-fields.tsx';
import { PersonFields, personBody, type PersonValues } from './person-fields.tsx';

type Values = PersonValues & ScopeValues;

/** Create an official (editing = null) or change an existing official's role and scope. */
export function OfficialModal({ open, editing, onClose, onCreated }: { open: boolean; editing: User | null; onClose: () => void; onCreated: (c: CreatedUser) => void }) {
  const { t } = useTranslation('users');
  const [form] = Form.useForm<Values>();
  const problem = useFormProblem(form);
  const create = useCreateOfficial();
  const update = useUpdateOfficial();
  const { resetFields, setFieldsValue } = form;
  const clear = problem.clear;

  useEffect(() => {
    if (!open) return;
    resetFields();
    clear();
    if (editing) {
      setFieldsValue({ role: editing.role as ScopeValues['role'], sector: editing.scope.sector, communeId: editing.scope.communeId, departmentCode: editing.scope.departmentCode });
    }
  }, [open, editing, resetFields, setFieldsValue, clear]);

  const submit = async () => {
    const values = await form.validateFields();
    try {
      if (editing) {
        await update.mutateAsync({ userId: editing.id, patch: scopeBody(values) });
        onClose();
      } else {
        onCreated(await create.mutateAsync({ ...personBody(values, currentLanguage()), ...scopeBody(values) }));
      }
    } catch (err) {
      problem.report(err);
    }
  };

  return (
    <Modal
      open={open}
      forceRender
      title={editing ? t('officials.editTitle', { name: editing.fullName }) : t('officials.addTitle')}
      okText={editing ? t('common:save') : t('add.submit')}
      cancelText={t('common:cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
    >
      <ProblemAlert problem={problem.problem} fieldErrors={problem.unmatched} />
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ role: 'sector_officer', passwordMode: 'link' }}>
        {editing ? null : <PersonFields />}
        <OfficialScopeFields />
      </Form>
    </Modal>
  );
}
