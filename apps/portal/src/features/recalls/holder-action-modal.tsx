import { Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../shared/problem-alert.tsx';
import { useFormProblem } from '../../shared/use-form-problem.ts';
import { UNITS, useRecallAction, type Holder, type HolderAction } from './api.ts';

const ACTIONS: HolderAction[] = ['acknowledged', 'returned', 'destroyed', 'completed', 'note'];
const WITH_QUANTITY = new Set<HolderAction>(['returned', 'destroyed']);

interface Values {
  action: HolderAction;
  quantity?: number;
  uom?: string;
  note?: string;
}

/** A holder's report: it acknowledged the notice, returned or destroyed a quantity, is done, or a note. */
export function HolderActionModal({ recallId, holder, initialAction, onClose }: { recallId: string; holder: Holder; initialAction: HolderAction; onClose: () => void }) {
  const { t } = useTranslation('recalls');
  const [form] = Form.useForm<Values>();
  const action = Form.useWatch('action', form) ?? initialAction;
  const act = useRecallAction(recallId);
  const problem = useFormProblem(form);
  const submit = async (v: Values) => {
    problem.clear();
    try {
      await act.mutateAsync({ holder: holder.key, action: v.action, ...(WITH_QUANTITY.has(v.action) ? { quantity: v.quantity ?? null, uom: v.uom ?? null } : {}), note: v.note?.trim() || null });
      onClose();
    } catch (err) {
      problem.report(err);
    }
  };
  const dimension = Object.keys(holder.held)[0];
  return (
    <Modal open title={t('act.title', { holder: holder.name ?? t('holder.hidden') })} okText={t('act.submit')} okButtonProps={{ loading: act.isPending }} cancelText={t('common:cancel')} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <ProblemAlert problem={problem.problem} fieldErrors={problem.unmatched} />
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ action: initialAction, uom: dimension === 'volume' ? 'LTR' : dimension === 'count' ? 'H87' : 'KGM' }}>
        <Form.Item name="action" label={t('act.action')}>
          <Radio.Group options={ACTIONS.map((a) => ({ value: a, label: t(`action.${a}`) }))} />
        </Form.Item>
        {WITH_QUANTITY.has(action) ? (
          <>
            <Form.Item name="quantity" label={t('act.quantity')} rules={[{ required: true, message: t('act.quantityRequired') }]}>
              <InputNumber min={0.001} max={1e9} style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="uom" label={t('act.unit')} rules={[{ required: true, message: t('act.quantityRequired') }]}>
              <Select style={{ width: 180 }} options={UNITS.map((u) => ({ value: u, label: t(`unit.${u}`) }))} />
            </Form.Item>
          </>
        ) : null}
        <Form.Item name="note" label={t('act.note')} rules={action === 'note' ? [{ required: true, whitespace: true, message: t('act.noteRequired') }] : []}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
